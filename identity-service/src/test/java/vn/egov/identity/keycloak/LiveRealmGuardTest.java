package vn.egov.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.egov.guard.UnsafeConfigurationException;

/**
 * When identity-service looks at the running realm (outside local and test), and what a problem or a silent Keycloak
 * does to its start. The check itself runs against a real Keycloak in devstack's KeycloakServerIT.
 */
class LiveRealmGuardTest {

    @Test
    void localAndTestRunsDoNotAskKeycloak() {
        for (String profile : List.of("local", "test")) {
            AtomicInteger asked = new AtomicInteger();
            MockEnvironment env = new MockEnvironment();
            env.setActiveProfiles(profile);
            new LiveRealmGuard(
                            env,
                            () -> "token",
                            t -> {
                                asked.incrementAndGet();
                                return List.of("a demo account");
                            },
                            Duration.ZERO)
                    .start();
            assertThat(asked).as(profile).hasValue(0);
        }
    }

    @Test
    void productionRefusesToStartWithEveryProblemOfTheRunningRealm() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        List<String> problems = List.of(
                "realm egov: the local realm's demo account canbo.motcua exists",
                "realm egov: client egov-local-cli accepts passwords directly (direct access grants)");
        assertThatThrownBy(() -> new LiveRealmGuard(env, () -> "token", t -> problems, Duration.ZERO).start())
                .isInstanceOfSatisfying(
                        UnsafeConfigurationException.class,
                        e -> assertThat(e.problems()).isEqualTo(problems));
    }

    @Test
    void productionStartsWhenTheRunningRealmIsFitAndWaitsForKeycloakToAnswer() {
        MockEnvironment env = new MockEnvironment();
        AtomicInteger asked = new AtomicInteger();
        LiveRealmGuard guard = new LiveRealmGuard(
                env,
                () -> "token",
                t -> {
                    if (asked.incrementAndGet() == 1) {
                        throw new IOException("connection refused");
                    }
                    return List.of();
                },
                Duration.ofSeconds(30));
        guard.start();
        assertThat(asked).hasValue(2);
        assertThat(guard.isRunning()).isTrue();
    }

    @Test
    void aKeycloakThatNeverAnswersIsARefusalNotAPass() {
        MockEnvironment env = new MockEnvironment();
        assertThatThrownBy(() -> new LiveRealmGuard(
                                env,
                                () -> {
                                    throw new IllegalStateException("no token");
                                },
                                t -> List.of(),
                                Duration.ZERO)
                        .start())
                .isInstanceOfSatisfying(
                        UnsafeConfigurationException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("the running realm could not be checked"));
    }
}
