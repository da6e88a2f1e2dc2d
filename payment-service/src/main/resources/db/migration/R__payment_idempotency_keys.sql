-- Order creation's Idempotency-Key lives in egov-commons' store now (IdempotentRequests, table
-- http_idempotency_key, scope 'payment-order:<client>', the kept response {"paymentId": …}). The keys recorded
-- before, in payment_idempotency, are copied there so that a retry of an order created before the upgrade still
-- finds its order and never creates a second one. Repeatable and idempotent; it sorts after egov-commons'
-- R__http_idempotency.sql (Flyway runs repeatable migrations by description), which creates the table.
-- payment_idempotency is no longer written; it can be dropped once no retry can still name its keys.
insert into http_idempotency_key (scope, idempotency_key, request_hash, status, response_sealed, created_at)
select 'payment-order:' || client_id, idempotency_key, request_hash, 'DONE',
       convert_to(json_build_object('paymentId', payment_id)::text, 'UTF8'), created_at
from payment_idempotency
on conflict do nothing;
