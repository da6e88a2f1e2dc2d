package vn.egov.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    static final TrustedProxies LOAD_BALANCERS =
            TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32"));

    @Test
    void aTrustedHopNamesTheClientAsTheFirstUntrustedEntryFromTheRight() {
        assertThat(client("10.1.2.3", "203.0.113.9")).hasValue(ip("203.0.113.9"));
        // the client wrote the left entry itself; the load balancers appended the rest
        assertThat(client("10.1.2.3", "198.51.100.1, 203.0.113.9, 10.9.9.9")).hasValue(ip("203.0.113.9"));
        assertThat(client("10.1.2.3", "198.51.100.1", "203.0.113.9")).hasValue(ip("203.0.113.9"));
        assertThat(client("2001:db8::1", "[2001:db9::5]:4431")).hasValue(ip("2001:db9::5"));
        assertThat(client("192.168.1.7", "203.0.113.9:5555")).hasValue(ip("203.0.113.9"));
    }

    @Test
    void anUntrustedHopIsTheClientWhateverItsHeaderSays() {
        assertThat(client("203.0.113.50", "198.51.100.1")).isEmpty();
        assertThat(client("192.168.1.8", "198.51.100.1")).isEmpty();
        assertThat(client("11.0.0.1", "198.51.100.1")).isEmpty();
    }

    @Test
    void namesAreNeverResolvedAndGarbageStopsTheWalk() {
        assertThat(client("10.1.2.3", "evil.example")).isEmpty();
        assertThat(client("10.1.2.3", "cafe")).isEmpty();
        assertThat(client("10.1.2.3", "198.51.100.1, unknown, 10.2.2.2")).hasValue(ip("10.2.2.2"));
    }

    @Test
    void noneIsTrustedByDefault() {
        TrustedProxies none = TrustedProxies.of(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.client(ip("127.0.0.1"), List.of("203.0.113.9"))).isEmpty();
    }

    @Test
    void aRangeThatIsNotAnAddressIsRefusedAtStart() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal/8")))
                .hasMessageContaining("is not an address range");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix out of range");
    }

    private static Optional<InetAddress> client(String hop, String... forwardedFor) {
        return LOAD_BALANCERS.client(ip(hop), List.of(forwardedFor));
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }
}
