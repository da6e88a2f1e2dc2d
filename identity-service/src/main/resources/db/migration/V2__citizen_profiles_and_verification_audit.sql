-- The local profile of a registered citizen. id = the Keycloak user id (the token's subject), also the
-- opaque person id in events. The identity number (CCCD) is personal data: stored only encrypted
-- (AES-GCM, key id beside it for rotation) plus a keyed blind index (HMAC-SHA256) for exact lookups and
-- uniqueness. Email and phone are kept in their normalised form (lower-case; 0xxxxxxxxx).
create table citizen_profile (
    id                  uuid primary key,
    full_name           text not null,
    national_id_key_id  text not null,
    national_id_sealed  bytea not null,
    national_id_index   text not null,
    date_of_birth       date not null,
    sex                 text not null check (sex in ('MALE', 'FEMALE')),
    email               text not null,
    phone               text not null,
    level_of_assurance  smallint not null default 1 check (level_of_assurance between 1 and 4),
    verified_at         timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint citizen_profile_national_id_unique unique (national_id_index),
    constraint citizen_profile_email_unique unique (email),
    constraint citizen_profile_phone_unique unique (phone)
);

-- Every call of the ministry verification API, kept for the data-protection record: who asked, when,
-- what came out; the identity number only as its blind index.
create table identity_verification_audit (
    id                 bigint generated always as identity primary key,
    client_id          text not null,
    called_at          timestamptz not null default now(),
    outcome            text not null check (outcome in ('MATCH', 'NO_MATCH', 'DENIED', 'INVALID')),
    national_id_index  text
);
create index identity_verification_audit_client_time on identity_verification_audit (client_id, called_at);
