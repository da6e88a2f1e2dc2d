-- Order creation's Idempotency-Key lives in egov-commons' store now (IdempotentRequests, table
-- http_idempotency_key, scope 'payment-order:<client>', the kept response {"paymentId": …}). The keys recorded
-- before, in payment_idempotency, are copied there so that a retry of an order created before the upgrade still
-- finds its order and never creates a second one. Repeatable and idempotent. egov-commons' plumbing migrations
-- (R__http_idempotency.sql creates the table) have their own history (decision 14): on a database migrated
-- before, they run before the service's and the keys are copied; on a new database they run after, and there is
-- nothing to copy yet, so the copy waits for the table.
-- payment_idempotency is no longer written; it can be dropped once no retry can still name its keys.
do $$
begin
    if to_regclass('http_idempotency_key') is not null then
        insert into http_idempotency_key (scope, idempotency_key, request_hash, status, response_sealed, created_at)
        select 'payment-order:' || client_id, idempotency_key, request_hash, 'DONE',
               convert_to(json_build_object('paymentId', payment_id)::text, 'UTF8'), created_at
        from payment_idempotency
        on conflict do nothing;
    end if;
end $$;
