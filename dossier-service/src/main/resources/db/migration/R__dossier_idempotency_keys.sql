-- Submission's Idempotency-Key lives in egov-commons' store now (IdempotentRequests, table http_idempotency_key,
-- scope 'dossier-submission:<applicant subject>', the kept response {"dossierId": …}). The keys recorded before,
-- in dossier.idempotency_key, are copied there so that a retry of a dossier submitted before the upgrade still
-- finds its dossier and never creates a second one. The store's fingerprint is the SHA-256 (hex) of the request's
-- JSON, and the request SubmissionService passes is the old request_hash as a JSON string: hence the quotes.
-- Repeatable and idempotent. egov-commons' plumbing migrations (R__http_idempotency.sql creates the table) have
-- their own history (decision 14): on a database migrated before, they run before the service's and the keys are
-- copied; on a new database they run after, and there is nothing to copy yet, so the copy waits for the table.
-- dossier.idempotency_key and request_hash are no longer written; they can be dropped once no retry can still
-- name their keys.
do $$
begin
    if to_regclass('http_idempotency_key') is not null then
        insert into http_idempotency_key (scope, idempotency_key, request_hash, status, response_sealed, created_at)
        select 'dossier-submission:' || applicant_subject, idempotency_key,
               encode(sha256(convert_to('"' || request_hash || '"', 'UTF8')), 'hex'), 'DONE',
               convert_to(json_build_object('dossierId', id)::text, 'UTF8'), coalesce(submitted_at, now())
        from dossier
        where idempotency_key is not null and request_hash is not null
        on conflict do nothing;
    end if;
end $$;
