-- Files a citizen uploaded in the submission wizard and has not submitted yet (web-portal's submission package).
-- Not in the session: Spring Session reads every attribute of a session on every request, and a dossier's files
-- may reach 25 MB. The content is sealed (AES-256-GCM under PORTAL_SESSION_KEY, like the sessions); rows go when
-- the dossier is submitted, when the wizard is dropped, and at the latest after egov.portal.wizard.draft-file-lifetime.
create table wizard_draft_file (
    id               uuid primary key,
    owner_subject    text        not null,
    draft_id         uuid        not null,
    requirement_code text        not null,
    size_bytes       bigint      not null,
    content          bytea       not null,
    created_at       timestamptz not null default now()
);

create index wizard_draft_file_draft on wizard_draft_file (owner_subject, draft_id);
create index wizard_draft_file_created on wizard_draft_file (created_at);
