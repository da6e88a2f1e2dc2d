package vn.egov.dossier.clock;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import vn.egov.guard.ProductionChecks;

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
        // The production guard refuses this flag outside local/test first (egov.security.local-only-flags);
        // this check keeps the clock safe where the guard is switched off or the flag list loses the entry.
        if (ProductionChecks.applies(environment)) {
            throw new IllegalStateException(
                    "refusing to start outside the local and test profiles with egov.dossier.test-clock.enabled=true"
                            + " (EGOV_TEST_CLOCK_ENABLED): the movable test clock is for tests only");
        }
        return new MovableClock(Clock.systemUTC());
    }
}
