package vn.egov.dossier.payment;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** dossier-service's own access token (client credentials), cached until 30 s before it expires. */
@Component
class ServiceTokens {

    private record Token(String value, Instant expiresAt) {
    }

    private final ServiceTokenClient client;
    private final PaymentClientProperties properties;
    // token lifetimes are real time, not the (possibly moved) business clock
    private final Clock clock = Clock.systemUTC();
    private volatile Token token;

    ServiceTokens(ServiceTokenClient client, PaymentClientProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    String accessToken() {
        Token current = token;
        if (current != null && current.expiresAt().isAfter(Instant.now(clock).plusSeconds(30))) {
            return current.value();
        }
        Map<String, Object> answer = client.token(Map.of("grant_type", "client_credentials",
                "client_id", properties.clientId(), "client_secret", properties.clientSecret()));
        if (answer == null || answer.get("access_token") == null) {
            throw new IllegalStateException("no access token from " + properties.tokenUri());
        }
        long expiresIn = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
        Token fresh = new Token(answer.get("access_token").toString(), Instant.now(clock).plusSeconds(expiresIn));
        token = fresh;
        return fresh.value();
    }
}
