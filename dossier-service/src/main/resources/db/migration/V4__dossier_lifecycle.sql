-- Dossier intake, documents, lifecycle history and the per-agency-per-day code counter.

alter table dossier add column procedure_name      text;
alter table dossier add column agency_name         text;
alter table dossier add column form_data           jsonb   not null default '{}';
alter table dossier add column fee_vnd             bigint  not null default 0;
alter table dossier add column received_at         timestamptz;
alter table dossier add column received_date       date;
-- the Vietnam date the supplement was requested: the agency's clock is paused from then
alter table dossier add column supplement_requested_on date;
alter table dossier add column missing_documents   text[]  not null default '{}';
alter table dossier add column resolved_at         timestamptz;
alter table dossier add column updated_at          timestamptz not null default now();
-- payment order at payment-service (created after the submission commits; retried by a sweeper)
alter table dossier add column payment_id          uuid;
alter table dossier add column payment_amount      bigint;
alter table dossier add column payment_url         text;
alter table dossier add column payment_attempts    integer not null default 0;
-- a new generation (and so a new Idempotency-Key at payment-service) after an order expired
alter table dossier add column payment_generation  integer not null default 0;
alter table dossier add column payment_next_attempt_at timestamptz;
-- Idempotency-Key of the submission, per applicant, with a hash of the request
alter table dossier add column idempotency_key     text;
alter table dossier add column request_hash        text;
create unique index dossier_idempotency on dossier (applicant_subject, idempotency_key) where idempotency_key is not null;
create index dossier_payment_pending on dossier (payment_next_attempt_at) where status = 'AWAITING_PAYMENT' and payment_id is null;

-- One row per agency and Vietnam day; incremented in the submission's transaction, so a rolled-back
-- submission returns its number and concurrent submissions queue on the row (no gaps, no duplicates).
create table dossier_code_counter (
    agency_code text    not null,
    day         date    not null,
    last_value  integer not null,
    primary key (agency_code, day)
);

create table dossier_document (
    id              uuid primary key,
    dossier_id      uuid        not null references dossier (id),
    requirement_code text       not null,
    kind            text        not null check (kind in ('SUBMITTED', 'SUPPLEMENT', 'RESULT')),
    file_name       text        not null,
    content_type    text        not null,
    size_bytes      bigint      not null,
    sha256          text        not null,
    uploaded_by     text        not null,
    uploaded_at     timestamptz not null
);
create index dossier_document_dossier on dossier_document (dossier_id, uploaded_at);

-- The bytes, behind DocumentStorage (PostgreSQL implementation); kept apart from the metadata.
create table document_content (
    document_id uuid primary key references dossier_document (id),
    content     bytea not null
);

-- Every transition, kept forever.
create table dossier_history (
    id            bigserial primary key,
    dossier_id    uuid        not null references dossier (id),
    action        text        not null,
    from_status   text,
    to_status     text        not null,
    actor_subject text        not null,
    actor_role    text        not null,
    reason        text,
    note          text,
    details       jsonb,
    occurred_at   timestamptz not null
);
create index dossier_history_dossier on dossier_history (dossier_id, id);
