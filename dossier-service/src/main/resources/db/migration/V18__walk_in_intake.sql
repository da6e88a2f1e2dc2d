-- Issue 15, walk-in intake at the one-stop desk (decision 27).
-- How a dossier reached the agency: ONLINE (the citizen submitted it) or DIRECT (taken at the counter by an officer).
alter table dossier add column channel text not null default 'ONLINE' check (channel in ('ONLINE', 'DIRECT'));

-- The applicant of a dossier taken at the counter: who they are (national id, name, date of birth, contacts) sealed
-- like form data (AES-GCM, bound to the dossier id, key id beside it), and a keyed hash (HMAC-SHA256 under the data
-- key) of the national id, so that the person, once verified to level 2, finds the dossier without anyone storing
-- or searching the number in clear. Until claimed the dossier's applicant_subject is 'walk-in:<dossier id>'.
create table walk_in_applicant (
    dossier_id       uuid primary key references dossier (id),
    national_id_hash text        not null,
    sealed           bytea       not null,
    data_key_id      text        not null,
    received_by      text        not null,
    claimed_by       text,
    claimed_at       timestamptz
);
create index walk_in_applicant_unclaimed on walk_in_applicant (national_id_hash) where claimed_at is null;

-- Digitisation at the counter: each scanned paper is marked as scanned from the original or from a copy.
alter table dossier_document add column copy_kind text check (copy_kind in ('ORIGINAL', 'COPY'));
