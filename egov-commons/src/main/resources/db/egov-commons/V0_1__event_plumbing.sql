-- Event plumbing owned by egov-commons, applied by each service's Flyway before its own migrations.

-- Transactional outbox: rows are written in the transaction of the change, relayed to Kafka after commit.
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    payload      text        not null, -- the CloudEvent exactly as sent
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Idempotent consumption: one row per (consumer, event id), inserted with the event's effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
