package vn.egov.commons.security.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A web service with no database: just the shared security and problem details. */
@SpringBootApplication(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
public class SecurityProblemsTestApplication {

    @RestController
    static class Probe {
        @GetMapping("/api/v1/probe")
        String probe(@AuthenticationPrincipal Jwt jwt) {
            return "hello " + jwt.getSubject();
        }

        @GetMapping("/api/v1/public-probe")
        String publicProbe() {
            return "public";
        }
    }
}
