package vn.egov.identity.registration;

import java.util.concurrent.TimeUnit;

/**
 * How long a successful registration takes (a moving average: Keycloak's user creation, the role, the profile), so
 * that a refused one answers after about as long. Without it "already registered" would be the fast answer, and
 * the time would tell a stranger what the body no longer does.
 */
final class RegistrationTiming {

    /** Before any registration has succeeded: about what one takes on a quiet machine. */
    static final long INITIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** Never hold a request longer than this, whatever a slow moment made the average. */
    static final long LONGEST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private volatile double averageNanos = INITIAL_NANOS;

    void succeeded(long nanos) {
        // a weight of 1/8: a few slow calls move it, one does not
        averageNanos = averageNanos + (nanos - averageNanos) / 8;
    }

    /** Sleeps until about as long as a success takes has passed since the request began. */
    void waitLikeASuccess(long elapsedNanos) {
        long wait = Math.min(LONGEST_WAIT_NANOS, (long) averageNanos - elapsedNanos);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long averageNanos() {
        return (long) averageNanos;
    }
}
