-- The desk's search of an agency's queue by the applicant's CCCD or full name (issue 15, decision 44), without
-- either in clear: blind indexes, keyed hashes (HMAC-SHA256 under a key derived from the data key,
-- dataprotection.ApplicantIdentities) of the 12-digit CCCD and of the full name folded (no accents, lower case,
-- single spaces). Written with each new dossier (online: the submitter's CCCD and the token's name; at the counter:
-- the applicant given). V21 is another branch's.
create table dossier_applicant_index (
    dossier_id uuid not null references dossier (id),
    kind       text not null check (kind in ('NATIONAL_ID', 'FULL_NAME')),
    digest     text not null,
    primary key (dossier_id, kind, digest)
);
create index dossier_applicant_index_lookup on dossier_applicant_index (kind, digest);

-- dossiers taken at the counter before this change: their CCCD's keyed hash is the same one (same key, same label)
insert into dossier_applicant_index (dossier_id, kind, digest)
select dossier_id, 'NATIONAL_ID', national_id_hash from walk_in_applicant
on conflict do nothing;
