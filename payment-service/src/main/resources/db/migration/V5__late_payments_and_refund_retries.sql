-- A payment the gateway confirms after the order was cancelled, expired or failed is recorded
-- (LATE_PAID, with its receipt) and refunded in full automatically.
alter table payment_order
    drop constraint payment_order_status_known,
    add constraint payment_order_status_known check (status in
        ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED',
         'LATE_PAID')),
    -- a cancelled order whose pay page could still be used: when the gateway was last asked, after the
    -- payment window closed, whether it was paid anyway (null: not asked yet)
    add column gateway_checked_at timestamptz;

-- Refunds the gateway has not answered (REQUESTED) are retried with backoff, with the same request id.
alter table payment_refund
    add column attempts        integer not null default 0,
    add column next_attempt_at timestamptz,
    add column last_error      text;
update payment_refund set next_attempt_at = now() where status = 'REQUESTED';
create index payment_refund_due on payment_refund (next_attempt_at) where status = 'REQUESTED';
create index payment_order_cancelled_unchecked on payment_order (expires_at)
    where status = 'CANCELLED' and gateway_checked_at is null and payment_url is not null;
