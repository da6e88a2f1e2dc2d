package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A token Keycloak signed for a real account, once expired, opens nothing: a 401 problem at the gateway and at each
 * service called directly (issue 16's security suite). The same token was accepted everywhere when it was fresh
 * ({@link TokenForgeryJourneyIT} checks that as it mints it), so the refusal is its expiry's doing. After the long
 * journeys, so that the minute of Spring's clock skew has passed by then (run alone, it waits that minute).
 */
@Order(150)
@ExtendWith(PlatformExtension.class)
class ExpiredTokenJourneyIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anExpiredTokenIsRefusedAtTheGatewayAndAtEveryService() throws Exception {
        TokenForgeryJourneyIT.mintTheExpiringTokenAndSeeItAccepted();
        String expired = ExpiringToken.expired();
        List<String> accepted = new ArrayList<>();
        for (String origin : TokenForgeryJourneyIT.ORIGINS) {
            for (String path : TokenForgeryJourneyIT.PROTECTED) {
                HttpResponse<String> answer = HTTP.send(
                        HttpRequest.newBuilder(URI.create(origin + path))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + expired)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 401
                        || !answer.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .startsWith("application/problem+json")) {
                    accepted.add(origin + path + " → " + answer.statusCode());
                }
            }
        }
        assertThat(accepted)
                .as("places that did not refuse the expired token with a 401 problem")
                .isEmpty();
    }
}
