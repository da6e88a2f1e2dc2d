package vn.egov.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Security headers on the gateway's answers, with a CSP that Swagger UI works under. */
class SecurityHeadersIT extends GatewayIntegrationTest {

    @Test
    void apiResponsesCarryTheSecurityHeadersButNoHstsOverPlainHttp() {
        HttpResponse<String> response = gateway.get("/api/v1/procedures").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void problemsCarryThemToo() {
        HttpResponse<String> response = gateway.get("/api/v1/dossiers").send();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void swaggerUiNeedsNothingTheCspForbids() {
        String index = gateway.get("/swagger-ui.html")
                .send()
                .headers()
                .firstValue("Location")
                .orElseThrow();
        HttpResponse<String> page = gateway.get(index).send();

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(directive(csp, "script-src")).isEqualTo("'self'");
        // every script is a same-origin file: no inline code that script-src 'self' would block
        Matcher scripts = Pattern.compile("<script([^>]*)>([^<]*)</script>").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"./");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive();
        assertThat(page.body())
                .doesNotContain("style=")
                .doesNotContain("http://")
                .doesNotContain("https://");
        // its inline element styles and data: icons are allowed
        assertThat(directive(csp, "style-src")).contains("'unsafe-inline'");
        assertThat(directive(csp, "img-src")).contains("data:");

        String initializer = index.replace("index.html", "swagger-initializer.js");
        assertThat(gateway.get(initializer).send().statusCode()).isEqualTo(200);
    }

    private static String directive(String csp, String name) {
        for (String directive : csp.split(";")) {
            String trimmed = directive.trim();
            if (trimmed.startsWith(name + " ")) {
                return trimmed.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing from " + csp);
    }
}
