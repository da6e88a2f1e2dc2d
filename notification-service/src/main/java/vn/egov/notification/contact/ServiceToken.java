package vn.egov.notification.contact;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.notification.NotificationProperties;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * notification-service's own access token (client-credentials grant of the Keycloak client
 * {@code notification-service}), kept until 30 s before it expires. The same way dossier-service gets
 * its service token, with the JDK HTTP client so no Feign interceptor recursion is possible.
 */
@Component
class ServiceToken {

    private record Cached(String value, Instant expiresAt) {
    }

    private final NotificationProperties.Identity config;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile Cached cached;

    ServiceToken(NotificationProperties properties, JsonMapper json, Clock clock) {
        this.config = properties.identity();
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    String value() {
        Cached current = cached;
        if (current != null && current.expiresAt().isAfter(clock.instant().plusSeconds(30))) {
            return current.value();
        }
        synchronized (this) {
            current = cached;
            if (current != null && current.expiresAt().isAfter(clock.instant().plusSeconds(30))) {
                return current.value();
            }
            Cached fresh = fetch();
            cached = fresh;
            return fresh.value();
        }
    }

    /** Forgets the token (identity-service refused it: fetch a new one next time). */
    void invalidate() {
        cached = null;
    }

    private Cached fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId())
                + "&client_secret=" + encode(config.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUri()))
                .timeout(config.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ContactsUnavailableException("token endpoint answered HTTP " + response.statusCode(), null);
            }
            JsonNode answer = json.readTree(response.body());
            String token = answer.path("access_token").asString(null);
            if (token == null) {
                throw new ContactsUnavailableException("token endpoint gave no access token", null);
            }
            long expiresIn = answer.path("expires_in").asLong(60);
            return new Cached(token, clock.instant().plusSeconds(expiresIn));
        } catch (java.io.IOException e) {
            throw new ContactsUnavailableException("token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContactsUnavailableException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
