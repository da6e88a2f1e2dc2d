package vn.egov.commons.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.ApiProblem;

/**
 * HTTP idempotency ({@code Idempotency-Key}) for mutating requests, one store for every service: table
 * {@code http_idempotency_key} (egov-commons migration {@code R__http_idempotency.sql}), one row per
 * {@code (scope, key)} with a fingerprint of the request and, once done, the response.
 * <ul>
 *   <li>first request with a key: runs, and its response is kept;</li>
 *   <li>same key, same request: the kept response again ({@link Outcome#replayed()}), the action does not run;</li>
 *   <li>same key, another request: 409 {@code idempotency-key-reused};</li>
 *   <li>same key while the first still runs: 409 {@code request-in-progress} (an attempt abandoned for
 *       {@link #ABANDONED_AFTER}, its process gone, no longer blocks the key);</li>
 *   <li>an action that throws releases its key: the client may try again.</li>
 * </ul>
 * Called inside the caller's transaction, the key commits or rolls back with the effect, and a concurrent
 * request with the same key waits on the row and then gets the replay (payment-service). Called outside a
 * transaction, for an action that cannot be in one (identity-service calls Keycloak), each step commits
 * on its own. How requests are fingerprinted and responses kept is the {@link IdempotencyProtection} bean.
 */
public class IdempotentRequests {

    /** An attempt that never finished (the process died) no longer blocks its key after this long. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    /** Longest key accepted unless the service says otherwise ({@code egov.idempotency.max-key-length}). */
    public static final int DEFAULT_MAX_KEY_LENGTH = 200;

    /** The response, and whether it is the kept one of an earlier request with the same key. */
    public record Outcome<T>(T response, boolean replayed) {}

    private record Stored(String requestHash, String status, String keyId, byte[] response) {}

    private final JdbcClient jdbc;
    private final IdempotencyProtection protection;
    private final JsonMapper json;
    private final int maxKeyLength;

    public IdempotentRequests(JdbcClient jdbc, IdempotencyProtection protection, JsonMapper json) {
        this(jdbc, protection, json, DEFAULT_MAX_KEY_LENGTH);
    }

    public IdempotentRequests(JdbcClient jdbc, IdempotencyProtection protection, JsonMapper json, int maxKeyLength) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.json = json;
        this.maxKeyLength = maxKeyLength;
    }

    /** {@link #execute}, the response only. */
    public <T> T run(String scope, String key, Object request, Class<T> responseType, Supplier<T> action) {
        return execute(scope, key, request, responseType, action).response();
    }

    /**
     * @param scope what the key is unique within (an operation, and the caller when keys are per client)
     * @param key the client's {@code Idempotency-Key}, or null to just run the action; blank or too long: 400
     *     {@code invalid-idempotency-key}
     * @param request the request, serialised to JSON for its fingerprint
     * @param responseType what the kept response is read back as (serialised to JSON to keep it)
     */
    public <T> Outcome<T> execute(String scope, String key, Object request, Class<T> responseType, Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        if (key.isBlank() || key.length() > maxKeyLength) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key");
        }
        String hash = protection.fingerprint(json.writeValueAsString(request), scope);
        int claimed = jdbc.sql("""
                insert into http_idempotency_key (scope, idempotency_key, request_hash, status)
                values (:s, :k, :h, 'IN_PROGRESS')
                on conflict (scope, idempotency_key) do update set request_hash = excluded.request_hash, created_at = now()
                    where http_idempotency_key.status = 'IN_PROGRESS'
                      and http_idempotency_key.created_at < now() - make_interval(secs => :abandoned)""")
                .param("s", scope)
                .param("k", key)
                .param("h", hash)
                .param("abandoned", ABANDONED_AFTER.toSeconds())
                .update();
        if (claimed == 0) {
            return new Outcome<>(replay(scope, key, hash, responseType), true);
        }
        T response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            jdbc.sql(
                            "delete from http_idempotency_key where scope = :s and idempotency_key = :k and status = 'IN_PROGRESS'")
                    .param("s", scope)
                    .param("k", key)
                    .update();
            throw e;
        }
        IdempotencyProtection.Sealed sealed = protection.seal(json.writeValueAsString(response), scope);
        jdbc.sql("""
                update http_idempotency_key set status = 'DONE', response_key_id = :kid, response_sealed = :r
                where scope = :s and idempotency_key = :k""")
                .param("kid", sealed.keyId())
                .param("r", sealed.bytes())
                .param("s", scope)
                .param("k", key)
                .update();
        return new Outcome<>(response, false);
    }

    private <T> T replay(String scope, String key, String hash, Class<T> responseType) {
        Stored stored = find(scope, key).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "request-in-progress"));
        if (!stored.requestHash().equals(hash)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused");
        }
        if (!"DONE".equals(stored.status())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "request-in-progress");
        }
        String kept = protection.open(new IdempotencyProtection.Sealed(stored.keyId(), stored.response()), scope);
        return json.readValue(kept, responseType);
    }

    private Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                select request_hash, status, response_key_id, response_sealed from http_idempotency_key
                where scope = :s and idempotency_key = :k""")
                .param("s", scope)
                .param("k", key)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }
}
