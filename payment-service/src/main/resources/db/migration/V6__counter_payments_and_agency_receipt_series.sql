-- Issue 15 (decision 36): payments recorded at the counter by an officer, and receipt numbers in the
-- collecting agency's own series.

-- How an order was paid: through the gateway (every order before this migration) or at the counter. A counter
-- payment records who collected it (the officer's subject and agency) and, if given, the payer's name.
alter table payment_order
    add column method           text not null default 'ONLINE',
    add column collected_by     text,
    add column collected_agency text,
    add column payer_name       text,
    add constraint payment_order_method_known check (method in ('ONLINE', 'CASH', 'CARD')),
    add constraint payment_order_counter_collector check (method = 'ONLINE' or collected_by is not null);

-- Gap-free receipt numbers per collecting agency and calendar year (Vietnam time): the row is locked by the
-- increment until the payment's transaction ends, and a rollback gives the number back. Replaces the one platform
-- series of receipt_counter (kept: the numbers it gave stay on their orders).
create table receipt_series (
    agency_code  text    not null,
    receipt_year integer not null,
    last_value   bigint  not null,
    primary key (agency_code, receipt_year)
);

-- What payment-service knows of each dossier from dossier-service's lifecycle events: its agency, applicant and
-- fee. A walk-in dossier has no payment order, so the counter reads its fee here (never from the officer).
create table dossier_fee (
    dossier_code     text        primary key,
    agency_code      text        not null,
    agency_name      text,
    applicant_subject text       not null,
    procedure_code   text,
    fee_vnd          bigint      not null check (fee_vnd >= 0),
    dossier_status   text,
    updated_at       timestamptz not null default now()
);
