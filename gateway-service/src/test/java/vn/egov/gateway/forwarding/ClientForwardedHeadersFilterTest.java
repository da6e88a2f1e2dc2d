package vn.egov.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ClientForwardedHeadersFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Forwarded",
                "forwarded",
                "X-Forwarded-For",
                "x-forwarded-host",
                "X-FORWARDED-PROTO",
                "X-Forwarded-Port",
                "X-Forwarded-Prefix",
                "X-Forwarded-Server",
                "X-Real-IP",
                "x-real-ip"
            })
    void recognisesForwardingHeaders(String name) {
        assertThat(ClientForwardedHeadersFilter.isForwarding(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Authorization", "Host", "X-Correlation-Id", "X-Forwarded", "Forwarded-For", "Accept-Language"})
    void leavesOtherHeadersAlone(String name) {
        assertThat(ClientForwardedHeadersFilter.isForwarding(name)).isFalse();
    }

    @Test
    void removesForwardingHeadersAndKeepsTheRest() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/procedures")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example")
                .header("X-Real-IP", "203.0.113.66")
                .header("Authorization", "Bearer t")
                .header("X-Correlation-Id", "c-1"));
        AtomicReference<ServerHttpRequest> passedOn = new AtomicReference<>();

        new ClientForwardedHeadersFilter(new ForwardingProperties(List.of()), new MockEnvironment())
                .filter(exchange, filtered -> {
                    passedOn.set(filtered.getRequest());
                    return Mono.empty();
                })
                .block();

        assertThat(passedOn.get().getHeaders().headerNames())
                .containsExactlyInAnyOrder("Authorization", "X-Correlation-Id");
    }
}
