package vn.egov.identity.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.ApiProblem;
import vn.egov.identity.personaldata.PersonalDataProtector;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a mutating request at most once per {@code Idempotency-Key}: the first request with a key runs
 * and its response is kept; a retry with the same key and the same body gets that response again; the
 * same key with another body is a 409 ({@code idempotency-key-reused}), and a retry while the first is
 * still running a 409 ({@code request-in-progress}). A request that fails releases its key, so the
 * client may retry it. No transaction is held while the action runs (it calls Keycloak).
 */
@Component
public class IdempotentRequests {

    /** An attempt that never finished (the process died) no longer blocks its key after this long. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private record Stored(String requestHash, String status, String keyId, byte[] sealed) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataProtector protector;
    private final JsonMapper json;

    public IdempotentRequests(JdbcClient jdbc, PersonalDataProtector protector, JsonMapper json) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.json = json;
    }

    /**
     * @param key the client's {@code Idempotency-Key}, or null to just run the action
     * @param request the request, serialised to JSON for its fingerprint
     */
    public <T> T run(String scope, String key, Object request, Class<T> responseType, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key");
        }
        String purpose = "idempotency:" + scope;
        String hash = protector.blindIndex(json.writeValueAsString(request), purpose);
        int claimed = jdbc.sql("""
                insert into idempotency_key (scope, idempotency_key, request_hash, status) values (:s, :k, :h, 'IN_PROGRESS')
                on conflict (scope, idempotency_key) do update set request_hash = excluded.request_hash, created_at = now()
                    where idempotency_key.status = 'IN_PROGRESS' and idempotency_key.created_at < now() - make_interval(secs => :abandoned)""")
                .param("s", scope).param("k", key).param("h", hash).param("abandoned", ABANDONED_AFTER.toSeconds())
                .update();
        if (claimed == 0) {
            Stored stored = find(scope, key).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "request-in-progress"));
            if (!stored.requestHash().equals(hash)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-reused");
            }
            if (!"DONE".equals(stored.status())) {
                throw new ApiProblem(HttpStatus.CONFLICT, "request-in-progress");
            }
            return json.readValue(protector.open(new PersonalDataProtector.Sealed(stored.keyId(), stored.sealed()), purpose),
                    responseType);
        }
        T response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            jdbc.sql("delete from idempotency_key where scope = :s and idempotency_key = :k and status = 'IN_PROGRESS'")
                    .param("s", scope).param("k", key).update();
            throw e;
        }
        PersonalDataProtector.Sealed sealed = protector.seal(json.writeValueAsString(response), purpose);
        jdbc.sql("""
                update idempotency_key set status = 'DONE', response_key_id = :kid, response_sealed = :r
                where scope = :s and idempotency_key = :k""")
                .param("kid", sealed.keyId()).param("r", sealed.bytes()).param("s", scope).param("k", key).update();
        return response;
    }

    private Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                select request_hash, status, response_key_id, response_sealed from idempotency_key
                where scope = :s and idempotency_key = :k""")
                .param("s", scope).param("k", key)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }
}
