package vn.egov.dossier.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.egov.commons.web.ApiProblem;

class TestClockTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TestClockProperties.class)
    @Import(ClockConfiguration.class)
    static class Config {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void theClockIsTheSystemClockUnlessEnabled() {
        runner.run(ctx -> assertThat(ctx.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
        runner.withPropertyValues("egov.dossier.test-clock.enabled=true")
                .withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("test"))
                .run(ctx -> assertThat(ctx.getBean(Clock.class)).isInstanceOf(MovableClock.class));
    }

    @Test
    void theServiceRefusesToStartWithTheTestClockOutsideLocalAndTest() {
        // production is any profile but local/test (the build itself runs with test), e.g. the old name "prod"
        for (String profile : new String[] {"production", "prod", "staging"}) {
            runner.withPropertyValues("egov.dossier.test-clock.enabled=true")
                    .withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles(profile))
                    .run(ctx -> assertThat(ctx)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("refusing to start outside the local and test profiles"));
        }
        runner.withPropertyValues("egov.dossier.test-clock.enabled=true")
                .withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("local"))
                .run(ctx -> assertThat(ctx.getBean(Clock.class)).isInstanceOf(MovableClock.class));
        runner.withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("production"))
                .run(ctx -> assertThat(ctx.getBean(Clock.class)).isEqualTo(Clock.systemUTC()));
    }

    @Test
    void movesByAnOffsetFromRealTimeNotCumulatively() {
        Instant real = Instant.parse("2026-03-02T01:00:00Z");
        MovableClock clock = new MovableClock(Clock.fixed(real, ZoneOffset.UTC));
        clock.setOffset(Duration.ofDays(3));
        clock.setOffset(Duration.ofDays(3));
        assertThat(clock.instant()).isEqualTo(real.plus(Duration.ofDays(3)));
        assertThat(clock.withZone(ZoneOffset.ofHours(7)).instant()).isEqualTo(real.plus(Duration.ofDays(3)));
        clock.setInstant(Instant.parse("2027-01-04T02:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-04T02:00:00Z"));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(real);
    }

    @Test
    void offsetsAreIsoDurationsOrPeriods() {
        assertThat(TestClockController.parse("P3D")).isEqualTo(Duration.ofDays(3));
        assertThat(TestClockController.parse("PT36H")).isEqualTo(Duration.ofHours(36));
        assertThat(TestClockController.parse("-P1D")).isEqualTo(Duration.ofDays(-1));
        assertThat(TestClockController.parse("P1W")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> TestClockController.parse("three days")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void onlyDirectLoopbackCallersMayMoveIt() {
        MockHttpServletRequest local = new MockHttpServletRequest();
        local.setRemoteAddr("127.0.0.1");
        TestClockController.requireLoopback(local);
        MockHttpServletRequest local6 = new MockHttpServletRequest();
        local6.setRemoteAddr("0:0:0:0:0:0:0:1");
        TestClockController.requireLoopback(local6);

        MockHttpServletRequest remote = new MockHttpServletRequest();
        remote.setRemoteAddr("10.0.0.5");
        assertThatThrownBy(() -> TestClockController.requireLoopback(remote))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).code()).isEqualTo("test-clock-loopback-only"));
        MockHttpServletRequest proxied = new MockHttpServletRequest();
        proxied.setRemoteAddr("127.0.0.1");
        proxied.addHeader("X-Forwarded-For", "203.0.113.9");
        assertThatThrownBy(() -> TestClockController.requireLoopback(proxied)).isInstanceOf(ApiProblem.class);
    }
}
