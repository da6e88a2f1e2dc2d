-- HTTP idempotency (Idempotency-Key) of mutating requests, one store for every service (IdempotentRequests):
-- the key within its scope, a fingerprint of the request it was first used with (same key, other request → 409),
-- and, once done, the response to replay. response_key_id is the key that sealed the response, null when the
-- service keeps it plain. A repeatable migration with idempotent statements, like R__outbox_parking.sql
-- (decision 10). identity-service's earlier table of the same shape is renamed to this one by its own V6.
create table if not exists http_idempotency_key (
    scope            text        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    status           text        not null check (status in ('IN_PROGRESS', 'DONE')),
    response_key_id  text,
    response_sealed  bytea,
    created_at       timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
