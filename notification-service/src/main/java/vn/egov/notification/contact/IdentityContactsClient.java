package vn.egov.notification.contact;

import feign.Request;
import feign.RequestInterceptor;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.egov.commons.security.ServiceTokens;

/**
 * identity-service's internal contacts endpoint (OpenFeign). Called only through {@link ContactDirectory},
 * which adds the time limit, retry, circuit breaker and cache. Every request carries notification-service's
 * own client-credentials token (Spring Security's OAuth2 client, registration {@value #REGISTRATION} in
 * application.yml); the endpoint requires the {@code identity.contacts} scope of that token.
 */
@FeignClient(
        name = "identity-contacts",
        url = "${egov.notification.identity.base-url:http://127.0.0.1:8081}",
        configuration = IdentityContactsClient.Config.class)
interface IdentityContactsClient {

    /** {@code spring.security.oauth2.client.registration.notification-service}. */
    String REGISTRATION = "notification-service";

    /** 404 (problem details) when there is no such person. */
    @GetMapping("/api/v1/identity/internal/people/{personId}/contacts")
    PersonContacts contacts(@PathVariable("personId") String personId);

    /** Applies to this client only (not a component: picked up through {@code configuration} above). */
    class Config {

        @Bean
        Request.Options identityRequestOptions(ContactProperties identity) {
            return new Request.Options(
                    identity.connectTimeout().toMillis(),
                    TimeUnit.MILLISECONDS,
                    identity.readTimeout().toMillis(),
                    TimeUnit.MILLISECONDS,
                    false);
        }

        @Bean
        RequestInterceptor identityServiceToken(ServiceTokens tokens) {
            return template -> template.header("Authorization", "Bearer " + tokens.accessToken(REGISTRATION));
        }
    }
}
