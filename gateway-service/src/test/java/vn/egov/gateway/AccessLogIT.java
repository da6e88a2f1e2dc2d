package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** One access log line per request, without tokens, query strings or other personal data. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIT extends GatewayIntegrationTest {

    static String accessLine(CapturedOutput output, String correlationId) {
        return output.getAll()
                .lines()
                .filter(line -> line.contains("vn.egov.gateway.access")
                        && line.contains("correlationId=" + correlationId + " "))
                .reduce((first, second) -> {
                    throw new AssertionError("more than one access line for " + correlationId);
                })
                .orElseThrow(() -> new AssertionError("no access line for " + correlationId));
    }

    @Test
    void anonymousLookupIsLoggedWithoutItsQuery(CapturedOutput output) {
        HttpResponse<String> response = gateway.get(
                        "/api/v1/public/dossiers/HS-42?cccd=001090000777&name=Nguyen%20Van%20A")
                .header("X-Correlation-Id", "access-anonymous")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(relayedTo(DOSSIER, response).query()).contains("cccd=001090000777");
        assertThat(accessLine(output, "access-anonymous"))
                .contains("method=GET path=/api/v1/public/dossiers/HS-42 status=200 durationMs=")
                .contains("client=-");
        assertThat(output.getAll())
                .doesNotContain("001090000777")
                .doesNotContain("cccd")
                .doesNotContain("Nguyen");
    }

    @Test
    void signedInCallIsLoggedWithItsClientButNeitherTokenNorUser(CapturedOutput output) {
        String token = ISSUER.client("bo-cong-an", "identity.verify");
        String citizen = ISSUER.token(c -> c.subject("0c5e7a52-user-subject")
                .claim("azp", "web-portal")
                .claim("preferred_username", "001090000888"));

        gateway.post("/api/v1/identity/verifications")
                .bearer(token)
                .header("X-Correlation-Id", "access-client")
                .send();
        gateway.get("/api/v1/dossiers")
                .bearer(citizen)
                .header("X-Correlation-Id", "access-user")
                .send();

        assertThat(accessLine(output, "access-client"))
                .contains("method=POST path=/api/v1/identity/verifications status=200")
                .contains("client=bo-cong-an");
        assertThat(accessLine(output, "access-user")).contains("status=200").contains("client=web-portal");
        assertThat(output.getAll())
                .doesNotContain(token)
                .doesNotContain(citizen)
                .doesNotContain(token.substring(0, 20))
                .doesNotContain("Bearer ")
                .doesNotContain("0c5e7a52-user-subject")
                .doesNotContain("001090000888");
    }

    @Test
    void refusalsAreLoggedWithTheirStatus(CapturedOutput output) {
        gateway.get("/api/v1/dossiers").header("X-Correlation-Id", "access-401").send();
        gateway.get("/api/v1/dossiers")
                .bearer("not-a-jwt")
                .header("X-Correlation-Id", "access-401b")
                .send();
        gateway.get("/nothing/here")
                .bearer(ISSUER.citizen("001090000103"))
                .header("X-Correlation-Id", "access-404")
                .send();
        gateway.get("/api/v1/procedures")
                .header("X-Road-Client", "nonsense")
                .header("X-Correlation-Id", "access-400")
                .send();

        assertThat(accessLine(output, "access-401")).contains("method=GET path=/api/v1/dossiers status=401");
        assertThat(accessLine(output, "access-401b")).contains("status=401");
        assertThat(accessLine(output, "access-404"))
                .contains("path=/nothing/here status=404")
                .contains("client=-");
        assertThat(accessLine(output, "access-400")).contains("path=/api/v1/procedures status=400");
        assertThat(output.getAll()).doesNotContain("not-a-jwt");
    }

    @Test
    void theAccessLineCarriesTheTraceAndCorrelationIdsThatTheUpstreamGetsToo(CapturedOutput output) {
        HttpResponse<String> relayed = gateway.get("/api/v1/procedures")
                .header("X-Correlation-Id", "access-traced")
                .send();
        gateway.get("/api/v1/dossiers")
                .header("X-Correlation-Id", "access-traced-401")
                .send();

        // the log pattern's [traceId,spanId,correlationId], set explicitly where the gateway logs (decision 31)
        Matcher line = Pattern.compile("\\[([0-9a-f]{32}),[0-9a-f]{16},access-traced\\]")
                .matcher(accessLine(output, "access-traced"));
        assertThat(line.find()).as(accessLine(output, "access-traced")).isTrue();
        assertThat(relayedTo(DOSSIER, relayed).header("traceparent"))
                .as("the upstream continues the trace of the gateway's log line")
                .startsWith("00-" + line.group(1) + "-");
        // refused by security: the error is handled outside the filter chain, and still carries both
        assertThat(accessLine(output, "access-traced-401"))
                .containsPattern("\\[[0-9a-f]{32},[0-9a-f]{16},access-traced-401\\]");
    }
}
