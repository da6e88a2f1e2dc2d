package vn.egov.gateway.signin;

import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Where the sign-in guard counts: this instance's memory ({@link SignInFailures}) or Redis, shared by every gateway
 * instance ({@link RedisSignInCounts}, when {@code EGOV_REDIS_URL} is set).
 */
interface SignInCounts {

    /**
     * Whether an attempt may go to Keycloak (if not, when to try again); an admitted one is told its outcome once,
     * through {@code finish}, in the store that admitted it.
     */
    record Attempt(boolean allowed, long retryAfterSeconds, Consumer<SignInFailures.Outcome> finish) {

        static Attempt refused(long retryAfterSeconds) {
            return new Attempt(false, retryAfterSeconds, outcome -> {});
        }
    }

    /** Never errors and never blocks the calling thread. */
    Mono<Attempt> admit(String key);
}
