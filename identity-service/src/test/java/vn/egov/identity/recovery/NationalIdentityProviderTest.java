package vn.egov.identity.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The recovery client's configuration on its own: no national identity configured is "unavailable", not a crash. */
class NationalIdentityProviderTest {

    static NationalRecoveryProperties properties(String issuer) {
        return new NationalRecoveryProperties(
                issuer,
                "egov-recovery",
                "s3cret",
                "https://dichvucong.example.gov.vn/",
                null,
                "/dang-nhap/lay-lai",
                Duration.ofMinutes(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    @Test
    void withoutAnIssuerTheProviderIsUnavailable() {
        NationalIdentityProvider provider = new NationalIdentityProvider(properties(""), RestClient.builder());
        assertThatThrownBy(() -> provider.authorizationUrl("s", "n", "c"))
                .isInstanceOf(NationalIdentityProvider.ProviderException.class)
                .hasMessageContaining("no national identity is configured");
    }

    @Test
    void theCallbackIsThePublicAddressWithItsPathUnlessGiven() {
        assertThat(properties("http://vneid").redirectUri())
                .isEqualTo("https://dichvucong.example.gov.vn/api/v1/identity/national-id-recovery/callback");
    }
}
