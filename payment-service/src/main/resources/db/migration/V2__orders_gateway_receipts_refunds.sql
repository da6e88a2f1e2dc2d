-- Issue 5: orders handed to the gateway (VNPay protocol), idempotent creation, e-receipts, refunds.
alter table payment_order
    add column txn_ref                text,
    add column description            text,
    add column payment_url            text,
    add column expires_at             timestamptz,
    add column receipt_number         text,
    add column paid_at                timestamptz,
    add column gateway_transaction_no text,
    add column bank_code              text,
    add column gateway_response_code  text,
    add column refunded_vnd           bigint not null default 0,
    add constraint payment_order_status_known check (status in
        ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    -- the refunded total never exceeds what was paid, whatever the code above does
    add constraint payment_order_refund_limit check (refunded_vnd >= 0 and refunded_vnd <= amount_vnd);

create unique index payment_order_txn_ref on payment_order (txn_ref);
create unique index payment_order_receipt_number on payment_order (receipt_number);
create index payment_order_pending_expiry on payment_order (expires_at) where status = 'PENDING';

-- Idempotency-Key of order creation, per calling client, with a hash of the request it was first used for.
create table payment_idempotency (
    client_id       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    payment_id      uuid        not null references payment_order (id) deferrable initially deferred,
    created_at      timestamptz not null default now(),
    primary key (client_id, idempotency_key)
);

-- Gap-free e-receipt numbers per calendar year (Vietnam time): the row is locked by the increment
-- until the payment's transaction ends, and a rollback gives the number back.
create table receipt_counter (
    receipt_year integer primary key,
    last_value   bigint  not null
);

create table payment_refund (
    id              uuid primary key,
    payment_id      uuid        not null references payment_order (id),
    amount_vnd      bigint      not null check (amount_vnd > 0),
    reason          text        not null,
    requested_by    text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    created_at      timestamptz not null default now(),
    unique (payment_id, idempotency_key)
);
