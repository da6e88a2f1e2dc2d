-- Issue 17: dossier_document.reused_from (V9) references dossier_document (id) without an index, so deleting or
-- re-keying a document row made PostgreSQL scan the whole table for rows reusing it, once per row (the benchmark's
-- removal of its JDBC ceiling rows ran for more than 15 minutes). Few documents are reused: a partial index.
create index dossier_document_reused_from on dossier_document (reused_from) where reused_from is not null;
