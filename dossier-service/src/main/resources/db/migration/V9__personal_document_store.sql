-- Once-only (domain.md): a citizen's personal document store is every document of their own dossiers —
-- what they submitted or supplemented, and the results agencies issued to them. A document reused in a
-- new dossier is copied into it (the new agency sees only what the citizen chose to give it) and keeps
-- the document it came from, so the copy can be traced.
alter table dossier_document add column reused_from uuid references dossier_document (id);

comment on column dossier_document.reused_from is
    'The document of an earlier dossier of the same citizen that this one was copied from (once-only reuse), or null.';
