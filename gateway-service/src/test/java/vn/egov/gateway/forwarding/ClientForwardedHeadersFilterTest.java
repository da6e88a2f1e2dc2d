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

    @Test
    void aTrustedHopNamesThePublicOriginAndNobodyElseDoes() {
        MockServerHttpRequest.BaseBuilder<?> fromBalancer = MockServerHttpRequest.method(
                        org.springframework.http.HttpMethod.GET,
                        java.net.URI.create("http://10.0.0.5:8080/auth/realms/egov/account?x=%C4%91"))
                .remoteAddress(new java.net.InetSocketAddress("10.1.2.3", 40000))
                .header("X-Forwarded-For", "198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "dichvucong.tinh.gov.vn")
                .header("X-Forwarded-Port", "443");
        ServerHttpRequest passed = filter(List.of("10.1.0.0/16"), fromBalancer);

        assertThat(passed.getURI().toString())
                .isEqualTo("https://dichvucong.tinh.gov.vn/auth/realms/egov/account?x=%C4%91");
        assertThat(passed.getHeaders().getFirst("Host")).isEqualTo("dichvucong.tinh.gov.vn");
        assertThat(passed.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("198.51.100.7");
        assertThat(passed.getHeaders().headerNames()).noneMatch(ClientForwardedHeadersFilter::isForwarding);

        // the same headers from a hop that is not trusted change nothing
        ServerHttpRequest untrusted = filter(List.of("10.9.0.0/16"), fromBalancer);
        assertThat(untrusted.getURI().toString()).isEqualTo("http://10.0.0.5:8080/auth/realms/egov/account?x=%C4%91");
        assertThat(untrusted.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript", "https://evil", "ftp", ""})
    void aTrustedHopsOddProtoIsIgnored(String proto) {
        ServerHttpRequest passed = filter(
                List.of("10.1.0.0/16"),
                MockServerHttpRequest.get("http://10.0.0.5:8080/")
                        .remoteAddress(new java.net.InetSocketAddress("10.1.2.3", 40000))
                        .header("X-Forwarded-Proto", proto));
        assertThat(passed.getURI().getScheme()).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example/path",
                "a b",
                "host:99999",
                "@evil",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.example"
            })
    void aTrustedHopsOddHostIsIgnored(String host) {
        ServerHttpRequest passed = filter(
                List.of("10.1.0.0/16"),
                MockServerHttpRequest.get("http://10.0.0.5:8080/")
                        .remoteAddress(new java.net.InetSocketAddress("10.1.2.3", 40000))
                        .header("X-Forwarded-Host", host));
        assertThat(passed.getURI().getHost()).isEqualTo("10.0.0.5");
        assertThat(passed.getURI().getPort()).isEqualTo(8080);
    }

    @Test
    void aForwardedHostKeepsItsPort() {
        ServerHttpRequest passed = filter(
                List.of("10.1.0.0/16"),
                MockServerHttpRequest.get("http://10.0.0.5:8080/")
                        .remoteAddress(new java.net.InetSocketAddress("10.1.2.3", 40000))
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "dvc.example:8443"));
        assertThat(passed.getURI().toString()).isEqualTo("https://dvc.example:8443/");
        assertThat(passed.getHeaders().getFirst("Host")).isEqualTo("dvc.example:8443");
    }

    private static ServerHttpRequest filter(List<String> trusted, MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<ServerHttpRequest> passedOn = new AtomicReference<>();
        new ClientForwardedHeadersFilter(new ForwardingProperties(trusted), new MockEnvironment())
                .filter(MockServerWebExchange.from(request), filtered -> {
                    passedOn.set(filtered.getRequest());
                    return Mono.empty();
                })
                .block();
        return passedOn.get();
    }
}
