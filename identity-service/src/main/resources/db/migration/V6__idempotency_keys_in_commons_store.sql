-- The Idempotency-Key store is egov-commons' IdempotentRequests now, with its table http_idempotency_key (created
-- by egov-commons' R__http_idempotency.sql, same columns as V3's idempotency_key). The rows written so far move
-- with it, so a retry of a request made before the upgrade still gets its response: renamed when the commons
-- table is not there yet (Flyway runs repeatable migrations after versioned ones), copied otherwise.
do $$
begin
    if to_regclass('http_idempotency_key') is null then
        alter table idempotency_key rename to http_idempotency_key;
    else
        insert into http_idempotency_key (scope, idempotency_key, request_hash, status, response_key_id,
                                          response_sealed, created_at)
        select scope, idempotency_key, request_hash, status, response_key_id, response_sealed, created_at
        from idempotency_key
        on conflict do nothing;
        drop table idempotency_key;
    end if;
end $$;
