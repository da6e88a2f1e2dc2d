package vn.egov.dossier.clock;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one {@link Clock} of the service: dossier codes, receipt and due dates, the overdue flag and check,
 * statistics periods and event times all read it (it replaces egov-commons' default clock). Timeouts and
 * token lifetimes are technical and keep using real time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock dossierClock(TestClockProperties properties, Environment environment) {
        if (!properties.enabled()) {
            return Clock.systemUTC();
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(
                    "refusing to start in the prod profile with egov.dossier.test-clock.enabled=true"
                            + " (EGOV_TEST_CLOCK_ENABLED): the movable test clock is for tests only");
        }
        return new MovableClock(Clock.systemUTC());
    }
}
