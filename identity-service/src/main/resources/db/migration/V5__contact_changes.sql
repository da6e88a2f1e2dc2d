-- A requested change of email address or phone number, waiting for the one-time code sent to the new
-- destination. The new destination is personal data: stored only sealed (AES-GCM, key id beside it),
-- like the identity number. The code is stored only as a keyed HMAC bound to the change id, so the table
-- alone does not give it away; it is single use, expires, and allows a few attempts.
create table contact_change (
    id                  uuid primary key,
    person_id           uuid        not null,
    channel             text        not null check (channel in ('EMAIL', 'SMS')),
    destination_key_id  text        not null,
    destination_sealed  bytea       not null,
    code_hash           text        not null,
    expires_at          timestamptz not null,
    attempts            smallint    not null default 0,
    status              text        not null check (status in ('PENDING', 'CONFIRMED', 'EXHAUSTED', 'SUPERSEDED', 'REJECTED')),
    requested_at        timestamptz not null,
    closed_at           timestamptz
);
create index contact_change_person_time on contact_change (person_id, requested_at);
