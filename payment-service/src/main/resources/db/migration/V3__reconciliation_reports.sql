-- Reconciliation of the gateway's daily settlement file against the ledger: reports are kept.
create table reconciliation_report (
    id                     uuid primary key,
    agency_code            text, -- null: every agency (a system administrator's report)
    settlement_date        date        not null,
    file_sha256            text        not null,
    matched                integer     not null,
    missing_on_our_side    integer     not null,
    missing_on_their_side  integer     not null,
    amount_mismatches      integer     not null,
    discrepancies          jsonb       not null,
    created_by             text        not null,
    idempotency_key        text        not null,
    request_hash           text        not null,
    created_at             timestamptz not null default now(),
    unique (created_by, idempotency_key)
);
create index reconciliation_report_agency on reconciliation_report (agency_code, created_at desc);
create index payment_order_paid_at on payment_order (paid_at) where paid_at is not null;
