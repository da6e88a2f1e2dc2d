package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/** The HTTP side of dossier ITs: tokens, multipart submissions, actions, plain requests of any method. */
public final class DossierApi {

    public static final String BA_DINH = "000.00.01.H26";
    public static final byte[] PDF = DossierLifecycleIT.PDF;
    public static final byte[] PNG = DossierLifecycleIT.PNG;
    public static final HttpClient HTTP = HttpClient.newHttpClient();

    final int port;
    public final TestIssuer issuer = TestIssuer.shared();

    public DossierApi(int port) {
        this.port = port;
    }

    public ServiceConformance service() {
        return new ServiceConformance(port);
    }

    public String citizen(String nationalId, int loa) {
        return issuer.token(c -> c.subject(subjectOf(nationalId))
                .claim("preferred_username", nationalId)
                .claim("realm_access", Map.of("roles", List.of("CITIZEN")))
                .claim("loa", loa));
    }

    public static String subjectOf(String nationalId) {
        return UUID.nameUUIDFromBytes(nationalId.getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public String officer() {
        return issuer.staff("motcua.badinh", "OFFICER", BA_DINH);
    }

    public HttpResponse<String> submitBirth(String token, String childName) {
        return submit(token, SubmissionBuilder.aBirthRegistration(childName));
    }

    public HttpResponse<String> submit(String token, SubmissionBuilder submission) {
        return multipart("/api/v1/dossiers", token, submission.parts());
    }

    /** A birth registration's files with this {@code dossier} JSON (for JSON no builder would write). */
    public HttpResponse<String> submit(String token, String dossierJson) {
        return multipart(
                "/api/v1/dossiers",
                token,
                List.of(
                        DossierLifecycleIT.Part.json("dossier", dossierJson),
                        DossierLifecycleIT.Part.file("to-khai.pdf", "application/pdf", PDF),
                        DossierLifecycleIT.Part.file("giay-chung-sinh.png", "image/png", PNG)));
    }

    public HttpResponse<String> act(String code, String action, String token, String json) {
        return service().post("/api/v1/dossiers/" + code + "/actions/" + action, token, json);
    }

    public HttpResponse<String> request(String method, String path, String token, String json, String... headers) {
        return service().call(method, path, token, json, headers);
    }

    public HttpResponse<String> multipart(
            String path, String token, List<DossierLifecycleIT.Part> parts, String... headers) {
        String boundary = "egov" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (DossierLifecycleIT.Part p : parts) {
            StringBuilder head = new StringBuilder("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(p.name())
                    .append('"');
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\nContent-Type: ").append(p.contentType()).append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A top-level field of a JSON body, such as a new dossier's {@code code}. */
    public static String field(String json, String name) {
        String value = ServiceConformance.json(json).read("$." + name, String.class);
        assertThat(value).as("%s in %s", name, json).isNotNull();
        return value;
    }
}
