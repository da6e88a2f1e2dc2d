package vn.egov.platform.journeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a web or mobile client and a ministry system do over HTTP: JSON, multipart uploads, OAuth2 tokens
 * from Keycloak through the gateway's {@code /auth}. Redirects are not followed, so that a journey sees
 * the payment gateway's 302 the way a browser would before following it.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    static final String TOKEN_URL = Platform.GATEWAY + "/auth/realms/egov/protocol/openid-connect/token";

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + text();
        }
    }

    /** A file part of a multipart request. */
    record Part(String name, String fileName, String contentType, byte[] content) {
        static Part json(String name, Object value) {
            return new Part(name, null, "application/json", JSON.writeValueAsBytes(value));
        }

        static Part pdf(String name, String fileName, String text) {
            String pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n% " + text + "\ntrailer<<>>\n%%EOF\n";
            return new Part(name, fileName, "application/pdf", pdf.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Api() {}

    static Response get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    static Response postJson(String url, String token, Object body) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    /**
     * A POST from a citizen at {@code clientAddress}: sent through the gateway's trusted local hop with
     * X-Forwarded-For (the gateway trusts loopback in the local profile), as a proxy in front of it would, so each
     * simulated citizen has their own per-address quota instead of all of them sharing the test machine's.
     */
    static Response postJsonFrom(String url, String clientAddress, Object body) {
        return send(request(url, null)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    static Response putJson(String url, String token, Object body) {
        return send(request(url, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build());
    }

    static Response delete(String url) {
        return send(request(url, null).DELETE().build());
    }

    static Response postForm(String url, String token, Map<String, String> form) {
        return send(request(url, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build());
    }

    static Response postMultipart(String url, String token, List<Part> parts) {
        return postMultipart(url, token, parts, Map.of());
    }

    /** With extra request headers (a client's own {@code X-Correlation-Id}, say). */
    static Response postMultipart(String url, String token, List<Part> parts, Map<String, String> headers) {
        String boundary = "journey-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(part.name())
                    .append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = request(url, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", UUID.randomUUID().toString());
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** A user's access token (the local command-line client's password grant, as in the README). */
    static String userToken(String username, String password) {
        Response r = postForm(
                TOKEN_URL,
                null,
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "egov-local-cli",
                        "username",
                        username,
                        "password",
                        password,
                        "scope",
                        "openid"));
        if (r.status() != 200) {
            throw new AssertionError("no token for " + username + ": " + r);
        }
        return r.json().get("access_token").asString();
    }

    /** A ministry system's or service's token (client credentials). */
    static Response clientCredentials(String clientId, String secret, String scope) {
        return postForm(
                TOKEN_URL,
                null,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        secret,
                        "scope",
                        scope));
    }

    /** The claims of a JWT, read without checking it (the services check it; a journey only looks). */
    static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    /**
     * Asks until the answer satisfies the condition (events travel through Kafka, so a person sees
     * their effect a moment later); fails with the last answer.
     */
    static <T> T eventually(String what, Duration patience, Supplier<T> ask, Predicate<T> done) {
        return eventually(what, patience, Duration.ofMillis(500), ask, done);
    }

    /** The same, asking every {@code interval} (a check made of many requests must stay within the caller's quota). */
    static <T> T eventually(String what, Duration patience, Duration interval, Supplier<T> ask, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T last = null;
        RuntimeException lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = ask.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            sleep(interval);
        }
        AssertionError failure = new AssertionError(
                "not seen within " + patience.toSeconds() + " s: " + what + "; last answer: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> queryOf(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items;
    }

    /**
     * Longer than the gateway's response timeout (30 s, gateway-service's application.yml), so that a
     * slow upstream shows as the gateway's answer, and a request that outlives this is a hang.
     */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(CLIENT_TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
