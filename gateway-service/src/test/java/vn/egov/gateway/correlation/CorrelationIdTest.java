package vn.egov.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "web-1234", "9f1c.retry_2", "ABCdef-0123456789"})
    void acceptsShortLogSafeTokens(String given) {
        assertThat(CorrelationId.accept(given)).hasValue(given);
    }

    @Test
    void acceptsUpTo64Characters() {
        assertThat(CorrelationId.accept("x".repeat(64))).isPresent();
        assertThat(CorrelationId.accept("x".repeat(65))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "new\nline", "quote\"", "semi;colon", "slash/", "é", "%20"})
    void refusesAnythingElse(String given) {
        assertThat(CorrelationId.accept(given)).isEmpty();
    }

    @Test
    void refusesNothing() {
        assertThat(CorrelationId.accept(null)).isEmpty();
    }

    @Test
    void generatedIdsAreUuidsThatWouldBeAccepted() {
        String id = CorrelationId.generate();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(CorrelationId.accept(id)).hasValue(id);
    }
}
