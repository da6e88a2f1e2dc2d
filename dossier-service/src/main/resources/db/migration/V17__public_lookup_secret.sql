-- The public status lookup asks for a short secret besides the code (codes are sequential per agency and day,
-- so a code alone can be guessed). Issued at submission, printed on the receipt and shown to the applicant;
-- owned by the tracking package (vn.egov.dossier.tracking.LookupSecrets, the only SQL on it). Not personal
-- data: it opens the status and dates only.
create table dossier_lookup_secret (
    dossier_id uuid primary key references dossier (id),
    secret     varchar(8)  not null,
    issued_at  timestamptz not null default now()
);

-- dossiers submitted before this release get one too (hex; new ones use the unambiguous alphabet)
insert into dossier_lookup_secret (dossier_id, secret)
select id, upper(substr(md5(random()::text || id::text), 1, 8))
from dossier;
