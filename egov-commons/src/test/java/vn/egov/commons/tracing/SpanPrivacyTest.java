package vn.egov.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
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
    void aJdbcStatementIsASpanOnlyInsideAnotherObservation() {
        ObservationPredicate predicate = EgovTracingAutoConfiguration.jdbcOnlyInsideATrace();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);

        Observation.Context alone = new Observation.Context();
        assertThat(predicate.test("jdbc.query", alone)).isFalse();

        Observation request = Observation.start("http.server.requests", registry);
        Observation.Context inside = new Observation.Context();
        inside.setParentObservation(request);
        assertThat(predicate.test("jdbc.query", inside)).isTrue();
        request.stop();

        // other observations are not this predicate's business
        assertThat(predicate.test("http.server.requests", new Observation.Context()))
                .isTrue();
    }
}
