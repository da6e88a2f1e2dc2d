package vn.egov.identity.keycloak;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.egov.guard.LiveRealmCheck;
import vn.egov.guard.ProductionChecks;
import vn.egov.guard.UnsafeConfigurationException;

/**
 * Outside the local and test profiles, identity-service (the one service that may read the realm through Keycloak's
 * admin API) looks at the realm Keycloak is running before it takes any request or event, and refuses to start when
 * it is not fit for production ({@link LiveRealmCheck}: demo accounts, a client taking passwords directly, the realm's
 * settings). The configuration guard has checked files and properties already; this is what they cannot see: a
 * realm imported or changed by hand. Keycloak still starting is waited for (up to {@link #PATIENCE}); a Keycloak that
 * cannot be asked is a refusal too, never a pass.
 *
 * <p>A lifecycle bean of the earliest phase: it runs after the beans are made (it needs the service account's
 * token) but before the web server listens and the Kafka listeners start.
 */
@Component
class LiveRealmGuard implements SmartLifecycle {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(LiveRealmGuard.class);

    /** The check, given a token (a seam for the unit test: the real one asks Keycloak). */
    interface Check {
        List<String> problems(String token) throws Exception;
    }

    private final Environment environment;
    private final Supplier<String> token;
    private final Check check;
    private final Duration patience;
    private volatile boolean running;

    @Autowired
    LiveRealmGuard(Environment environment, KeycloakAdminClient keycloak) {
        this(
                environment,
                keycloak::serviceAccountToken,
                new LiveRealmCheck(
                        HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(5))
                                .build(),
                        keycloak.adminRealmUrl())::problems,
                PATIENCE);
    }

    LiveRealmGuard(Environment environment, Supplier<String> token, Check check, Duration patience) {
        this.environment = environment;
        this.token = token;
        this.check = check;
        this.patience = patience;
    }

    @Override
    public void start() {
        running = true;
        if (!ProductionChecks.applies(environment)) {
            return;
        }
        Instant until = Instant.now().plus(patience);
        List<String> problems;
        while (true) {
            try {
                problems = check.problems(token.get());
                break;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (Instant.now().isAfter(until) || Thread.currentThread().isInterrupted()) {
                    problems = List.of("the running realm could not be checked: Keycloak's admin API did not answer"
                            + " within " + patience.toSeconds() + " s ("
                            + e.getClass().getSimpleName() + ")");
                    break;
                }
                log.warn(
                        "waiting for Keycloak to check the running realm ({})",
                        e.getClass().getSimpleName());
                sleep();
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems, Arrays.asList(environment.getActiveProfiles()));
        }
        log.info("Production guard: the running realm checked (no demo account, no password client, settings safe)");
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
