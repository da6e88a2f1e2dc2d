-- A refund is recorded (REQUESTED, reserving its amount) before the gateway is asked, and settled
-- (SUCCEEDED or FAILED) after it answers: short transactions on either side of the outside call.
alter table payment_refund
    add column status                text not null default 'REQUESTED'
        check (status in ('REQUESTED', 'SUCCEEDED', 'FAILED')),
    add column gateway_response_code text,
    add column completed_at          timestamptz;
