package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.egov.identity.CitizenIdentityIT.Person;
import vn.egov.testsupport.ServiceConformance;

/** Test fixtures over the real service and Keycloak: a registered citizen, a verified one, their tokens. */
final class Citizens {

    static final String PASSWORD = "Strong@Pass1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    Citizens(int port) {
        this.port = port;
    }

    /** Registers {@code p} and answers their person id. */
    String register(Person p) {
        HttpResponse<String> r = new ServiceConformance(port).post("/api/v1/identity/registrations", null, p.json());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(r.body())
                .path("id")
                .asString();
    }

    /** A token of a citizen at level 1. */
    String signIn(Person p) {
        return RealKeycloak.passwordGrant(p.nationalId, p.password);
    }

    /** Verifies the registered {@code p} with the registry simulator and answers a new token, at level 2. */
    String verifiedToken(Person p) {
        CitizenIdentityIT.REGISTRY.addResident(p.resident());
        HttpResponse<String> verified =
                new ServiceConformance(port).post("/api/v1/identity/me/verification", signIn(p), null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        String token = signIn(p);
        assertThat(RealKeycloak.claims(token).path("loa").asInt()).isEqualTo(2);
        return token;
    }

    HttpResponse<String> delete(String path, String token) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
