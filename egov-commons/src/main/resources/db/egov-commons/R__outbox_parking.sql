-- Parking of events Kafka refuses (OutboxRelay, decision 11). A repeatable migration, not a V0_2: a new
-- versioned egov-commons migration would be older than the services' applied ones and refused on existing
-- databases (decision 10). Flyway runs it again whenever this file changes: every statement is idempotent.

-- parked_at: the relay gave up on the row (a refusal retrying cannot fix, or too many unexplained failures);
-- it stays here with last_error, and later events of its aggregate (same topic and key) wait behind it.
alter table outbox_event add column if not exists parked_at timestamptz;
-- failures that were not "the broker is away" (those never count: a long outage must not park everything)
alter table outbox_event add column if not exists send_failures integer not null default 0;
-- an operator gave up on a parked row: it is never sent, no longer holds its aggregate, and is purged after
-- the retention like a published one
alter table outbox_event add column if not exists discarded_at timestamptz;
alter table outbox_event add column if not exists discarded_by text;

-- the relay's query: rows still to send that are not parked, in order
create index if not exists outbox_event_relayable on outbox_event (seq)
    where published_at is null and parked_at is null;
-- "is an earlier event of this aggregate parked?" (few rows: only the parked, not discarded ones)
create index if not exists outbox_event_parked on outbox_event (topic, event_key, seq)
    where parked_at is not null and discarded_at is null and published_at is null;

-- who did what to a parked event, and when (the relay parks; operators retry and discard)
create table if not exists outbox_event_action (
    id        bigserial   primary key,
    event_id  uuid        not null,
    action    text        not null check (action in ('PARKED', 'RETRIED', 'DISCARDED')),
    actor     text        not null,
    acted_at  timestamptz not null default now(),
    error     text
);
create index if not exists outbox_event_action_event on outbox_event_action (event_id, acted_at);
