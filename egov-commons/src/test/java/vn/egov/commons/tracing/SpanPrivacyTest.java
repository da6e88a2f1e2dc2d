package vn.egov.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.mock.http.client.MockClientHttpRequest;

/** What the client spans and the JDBC spans may carry (issue 18): no query string, no JDBC trace of its own. */
class SpanPrivacyTest {

    @Test
    void aClientSpansUrlHasNoQueryStringButKeepsTheTemplate() {
        MockClientHttpRequest request = new MockClientHttpRequest(
                HttpMethod.GET,
                URI.create(
                        "http://keycloak:8080/auth/admin/realms/egov/users?email=an.nguyen%40thudientu.vn&exact=true"));
        ClientRequestObservationContext context = new ClientRequestObservationContext(request);
        context.setUriTemplate("/admin/realms/{realm}/users?email={e}&exact=true");

        QuerylessClientRequestObservationConvention convention = new QuerylessClientRequestObservationConvention();

        assertThat(convention.getHighCardinalityKeyValues(context).stream().map(KeyValue::getValue))
                .contains("http://keycloak:8080/auth/admin/realms/egov/users")
                .noneMatch(v -> v.contains("thudientu") || v.contains("?"));
        assertThat(convention.getLowCardinalityKeyValues(context).stream().map(KeyValue::getValue))
                .contains("/admin/realms/{realm}/users?email={e}&exact=true")
                .noneMatch(v -> v.contains("thudientu"));
        assertThat(QuerylessClientRequestObservationConvention.withoutQuery("http://a/b#frag?x"))
                .isEqualTo("http://a/b");
        assertThat(QuerylessClientRequestObservationConvention.withoutQuery("http://a/b"))
                .isEqualTo("http://a/b");
    }

    @Test
    void aJdbcStatementIsASpanOnlyInsideATrace() {
        ObservationPredicate predicate = EgovTracingAutoConfiguration.jdbcOnlyInsideATrace();
        // outside any trace: a statement's parent is its connection's no-op observation, and no span is current
        Observation.Context underADroppedConnection = new Observation.Context();
        underADroppedConnection.setParentObservation(Observation.NOOP);
        assertThat(predicate.test("jdbc.query", underADroppedConnection)).isFalse();
        assertThat(predicate.test("jdbc.query", new Observation.Context())).isFalse();

        Span request = Span.wrap(SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.getDefault()));
        try (Scope ignored = request.makeCurrent()) {
            assertThat(predicate.test("jdbc.query", underADroppedConnection)).isTrue();
        }

        // other observations are not this predicate's business
        assertThat(predicate.test("http.server.requests", new Observation.Context()))
                .isTrue();
    }
}
