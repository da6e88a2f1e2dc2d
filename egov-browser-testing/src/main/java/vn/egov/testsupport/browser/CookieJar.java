package vn.egov.testsupport.browser;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies of a browser played by a test with the JDK's HTTP client (Keycloak's sign-in forms without Chromium):
 * each answer's {@code Set-Cookie} kept as name=value, all of them sent with the next request. Not
 * {@link java.net.CookieManager}: Keycloak marks its cookies Secure (SameSite=None) even on http, so the JDK would
 * never send them back to a test server on http, where a browser on https would.
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Sends the request with the cookies kept so far, and keeps the ones the answer sets. */
    public HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }
}
