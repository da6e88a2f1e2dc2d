package vn.egov.dossier.identity;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * identity-service's own-profile endpoint (Feign), called with the citizen's bearer token relayed, and its agency
 * registry (public).
 */
@FeignClient(
        name = "identity-service",
        url = "${egov.dossier.identity.base-url:http://127.0.0.1:8081}",
        configuration = IdentityServiceClient.Timeouts.class)
interface IdentityServiceClient {

    @GetMapping("/api/v1/identity/me")
    IdentityProfiles.Profile me(@RequestHeader("Authorization") String authorization);

    /** The agency registry (public reference data), one page. */
    @GetMapping("/api/v1/identity/agencies")
    AgencyRegistry.AgencyPage agencies(@RequestParam("page") int page, @RequestParam("size") int size);

    /** The registry's service centres only (a few per province). */
    @GetMapping("/api/v1/identity/agencies")
    AgencyRegistry.AgencyPage agencies(
            @RequestParam("page") int page,
            @RequestParam("size") int size,
            @RequestParam("serviceCentre") boolean serviceCentre);

    /** Not a @Configuration on purpose: Feign applies it to this client only. */
    class Timeouts {
        @org.springframework.context.annotation.Bean
        feign.Request.Options identityOptions(IdentityClientProperties properties) {
            return new feign.Request.Options(properties.connectTimeout(), properties.readTimeout(), false);
        }
    }
}
