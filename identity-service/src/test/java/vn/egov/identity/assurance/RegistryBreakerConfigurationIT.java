package vn.egov.identity.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * The population registry's circuit breaker is Resilience4j's, from its registry, configured in application.yml
 * with the figures of {@code egov.identity.registry.*}, and its state is on the Prometheus page.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.identity.registry.sliding-window=7", "egov.identity.registry.open-for=45s"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class RegistryBreakerConfigurationIT {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    PopulationRegistryClient client;

    @LocalServerPort
    int port;

    @Test
    void theBreakerIsTheRegistrysConfiguredFromTheServiceProperties() {
        CircuitBreaker breaker = circuitBreakers.find("population-registry").orElseThrow();
        CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
        assertThat(config.getSlidingWindowSize()).isEqualTo(7);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1))
                .isEqualTo(Duration.ofSeconds(45).toMillis());
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(1);
        // only the registry's own failures count
        assertThat(config.getRecordExceptionPredicate().test(new ResourceAccessException("down")))
                .isTrue();
        assertThat(config.getRecordExceptionPredicate()
                        .test(HttpServerErrorException.create(
                                org.springframework.http.HttpStatus.BAD_GATEWAY, "x", null, null, null)))
                .isTrue();
        assertThat(config.getRecordExceptionPredicate()
                        .test(HttpClientErrorException.create(
                                org.springframework.http.HttpStatus.BAD_REQUEST, "x", null, null, null)))
                .isFalse();
        assertThat(client.state()).isEqualTo(breaker.getState());
    }

    @Test
    void itsStateIsExposedAsAMetric() {
        HttpResponse<String> page = new ServiceConformance(port).get("/actuator/prometheus", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("resilience4j_circuitbreaker_state{")
                .containsPattern(
                        "resilience4j_circuitbreaker_state\\{[^}]*name=\"population-registry\"[^}]*state=\"closed\"[^}]*} 1");
    }
}
