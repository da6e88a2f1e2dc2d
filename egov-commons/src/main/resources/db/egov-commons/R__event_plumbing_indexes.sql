-- Indexes of the event plumbing added after V0_1 was applied everywhere: a repeatable migration, so a
-- database that already ran every versioned migration of its service gets them too (Flyway runs it
-- again whenever this file changes; keep every statement idempotent).

-- the retention purge of consumers' records (OutboxRetention.purgeProcessed)
create index if not exists processed_event_processed_at on processed_event (processed_at);
