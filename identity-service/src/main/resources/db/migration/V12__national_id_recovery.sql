-- Recovering a CCCD registered by someone else (decision 63): the owner proves it at the national identity
-- (identity-service's own client of VNeID, code flow with PKCE), and the local account that held it is retired.

-- One started recovery, until its callback or its expiry: only hashes of the state and of the browser's cookie
-- (neither is a secret worth keeping once used); the PKCE verifier and the nonce for the one code exchange.
create table national_id_recovery_attempt (
    state_hash     text primary key,
    browser_hash   text        not null,
    nonce          text        not null,
    code_verifier  text        not null,
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null
);
create index national_id_recovery_attempt_expiry on national_id_recovery_attempt (expires_at);

-- A profile whose CCCD was recovered by its owner: kept (the squatter's dossiers and history stay answerable) and
-- marked; its blind index is replaced by a tombstone so the CCCD is free for the owner and no lookup finds it.
alter table citizen_profile
    add column recovered_at         timestamptz,
    add column recovered_by_subject text;
