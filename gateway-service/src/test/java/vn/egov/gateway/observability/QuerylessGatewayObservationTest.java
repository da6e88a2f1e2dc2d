package vn.egov.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class QuerylessGatewayObservationTest {

    @Test
    void theClientSpanNamesTheAddressButNotTheSecretOrTheIdentityNumberInTheQuery() {
        for (String address : new String[] {
            "http://127.0.0.1:8082/api/v1/public/dossiers/HS-2026-000123?secret=Kx7pQ2mR9s",
            "http://127.0.0.1:8082/api/v1/dossiers?applicant=001090012345&status=ALL"
        }) {
            MockServerHttpRequest request = MockServerHttpRequest.get(address).build();
            GatewayContext context =
                    new GatewayContext(new HttpHeaders(), request, MockServerWebExchange.from(request));

            var values = new QuerylessGatewayObservation.Convention()
                    .getHighCardinalityKeyValues(context).stream()
                            .map(KeyValue::getValue)
                            .toList();

            assertThat(values).as(address).contains(address.substring(0, address.indexOf('?')));
            assertThat(values).as(address).noneMatch(v -> v.contains("Kx7pQ2mR9s") || v.contains("001090012345"));
        }
    }
}
