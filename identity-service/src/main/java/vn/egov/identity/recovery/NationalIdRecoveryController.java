package vn.egov.identity.recovery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import vn.egov.identity.recovery.NationalIdRecoveryService.Outcome;
import vn.egov.identity.recovery.NationalIdentityProvider.ProviderException;

/**
 * "Lấy lại số định danh": the browser's two steps of a recovery (decision 63), both plain redirects, anonymous
 * (the national identity is what proves the person). The start sets a cookie binding the attempt to this browser
 * and sends it to the national identity; the callback ends at the portal's result page, whatever happened.
 */
@RestController
@RequestMapping("/api/v1/identity/national-id-recovery")
@Tag(name = "national-id-recovery", description = "Recovering a CCCD registered by someone else (browser redirects)")
class NationalIdRecoveryController {

    static final String COOKIE = "egov_id_recovery";
    static final String PATH = "/api/v1/identity/national-id-recovery";

    private final NationalIdRecoveryService recoveries;
    private final NationalRecoveryProperties properties;

    NationalIdRecoveryController(NationalIdRecoveryService recoveries, NationalRecoveryProperties properties) {
        this.recoveries = recoveries;
        this.properties = properties;
    }

    @GetMapping("/start")
    @Operation(
            summary = "Start recovering a CCCD: redirects the browser to the national identity (VNeID)",
            description = "302 to the national identity's sign-in, with a cookie binding the attempt to the browser;"
                    + " when the national identity cannot be reached, 302 to the portal's result page"
                    + " (ket-qua=tam-ngung).")
    ResponseEntity<Void> start() {
        NationalIdRecoveryService.Started started;
        try {
            started = recoveries.start();
        } catch (ProviderException e) {
            return result(Outcome.UNAVAILABLE, null);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(started.authorizationUrl()))
                .header(HttpHeaders.SET_COOKIE, cookie(started.browserValue(), properties.attemptValidity()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GetMapping("/callback")
    @Operation(
            summary = "The national identity's answer: retires a local account holding the proven CCCD",
            description = "Always 302 to the portal's result page with ket-qua = da-lay-lai (recovered), khong-can"
                    + " (no local account holds it, or it is already the national identity's), muc-1 (the national"
                    + " identity is only level 1), tai-khoan-can-bo (a staff account: an administrator's matter),"
                    + " da-huy (cancelled at the national identity), that-bai (unknown or expired attempt, another"
                    + " browser, a token that proves nothing) or tam-ngung (Keycloak or the provider unavailable).")
    ResponseEntity<Void> callback(
            @Parameter(description = "the authorization code") @RequestParam(required = false) String code,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            @CookieValue(name = COOKIE, required = false) String browser) {
        return result(recoveries.complete(state, code, error, browser), cookie("", Duration.ZERO));
    }

    private ResponseEntity<Void> result(Outcome outcome, String setCookie) {
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(UriComponentsBuilder.fromUriString(properties.resultUrl())
                        .queryParam("ket-qua", outcome.slug())
                        .build()
                        .toUriString()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (setCookie != null) {
            answer.header(HttpHeaders.SET_COOKIE, setCookie);
        }
        return answer.build();
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path(PATH)
                .httpOnly(true)
                // the provider's redirect back is a top-level GET from another site: Lax is sent, Strict would not be
                .sameSite("Lax")
                .secure(properties.redirectUri().startsWith("https:"))
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
