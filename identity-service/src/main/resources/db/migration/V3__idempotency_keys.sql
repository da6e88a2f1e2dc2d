-- Idempotency-Key of retried mutating requests (GOV.UK Pay style): the key with a keyed hash of the
-- request (same key, other body → 409) and the response to replay. Requests and responses can hold
-- personal data (a registration's username is the CCCD), so the hash is an HMAC and the response is
-- stored encrypted like the identity number itself.
create table idempotency_key (
    scope            text not null,
    idempotency_key  text not null,
    request_hash     text not null,
    status           text not null check (status in ('IN_PROGRESS', 'DONE')),
    response_key_id  text,
    response_sealed  bytea,
    created_at       timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
