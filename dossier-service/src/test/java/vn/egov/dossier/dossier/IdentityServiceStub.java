package vn.egov.dossier.dossier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * A real HTTP stand-in (WireMock) for identity-service's {@code GET /api/v1/identity/me} (and its agency registry,
 * {@link #agencies}): answers the profile
 * registered for the bearer token it receives (a default name and date of birth and no businesses for any
 * other token), and can be stopped (connection refused) and started again on the same free port. WireMock's
 * request journal tells which Authorization headers it received.
 */
public final class IdentityServiceStub {

    private static final String ME = "/api/v1/identity/me";
    private static final String SOMEBODY = """
            {"fullName":"Nguyễn Thị Mặc Định","dateOfBirth":"1990-01-01","levelOfAssurance":1,"roles":["CITIZEN"],"businesses":[]}""";

    private final WireMockServer server = StandIns.onAFreePort();

    public IdentityServiceStub() {
        // the lower the priority number, the earlier a mapping is tried: registered profiles before the default
        server.stubFor(get(urlPathEqualTo(ME)).atPriority(10).willReturn(okJson(SOMEBODY)));
    }

    /** The /me JSON that identity-service gives the holder of {@code token}. */
    public void profile(String token, String json) {
        server.stubFor(get(urlPathEqualTo(ME))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(json)));
    }

    /**
     * identity-service's agency registry: one page holding these agencies ({@code [code, name]} pairs; a third element
     * {@code "service-centre"} marks a service centre).
     */
    public void agencies(List<List<String>> agencies) {
        server.stubFor(get(urlPathEqualTo("/api/v1/identity/agencies")).willReturn(okJson(page(agencies))));
        // the registry's filter serviceCentre=true, as identity-service answers it
        server.stubFor(get(urlPathEqualTo("/api/v1/identity/agencies"))
                .atPriority(1)
                .withQueryParam("serviceCentre", equalTo("true"))
                .willReturn(okJson(page(agencies.stream()
                        .filter(a -> a.size() > 2 && a.get(2).equals("service-centre"))
                        .toList()))));
    }

    private static String page(List<List<String>> agencies) {
        String items = agencies.stream()
                .map(a -> "{\"code\":\"" + a.get(0) + "\",\"name\":\"" + a.get(1) + "\",\"level\":\"COMMUNE\""
                        + ",\"serviceCentre\":" + (a.size() > 2 && a.get(2).equals("service-centre")) + "}")
                .collect(java.util.stream.Collectors.joining(","));
        return "{\"items\":[" + items + "],\"page\":0,\"size\":100,\"totalItems\":" + agencies.size()
                + ",\"totalPages\":1}";
    }

    /** The query string of every registry read so far, oldest first. */
    List<String> agencyQueries() {
        return server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/identity/agencies"))).stream()
                .map(r -> r.getUrl().contains("?")
                        ? r.getUrl().substring(r.getUrl().indexOf('?') + 1)
                        : "")
                .toList();
    }

    /** The Authorization header of every /me call received so far, oldest first. */
    List<String> authorizations() {
        return server.findAll(getRequestedFor(urlPathEqualTo(ME))).stream()
                .map(r -> String.valueOf(r.getHeader("Authorization")))
                .toList();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getOptions().portNumber();
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop();
    }
}
