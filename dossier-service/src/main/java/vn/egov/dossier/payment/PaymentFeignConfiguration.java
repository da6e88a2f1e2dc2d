package vn.egov.dossier.payment;

import feign.Request;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import vn.egov.commons.security.ServiceTokens;

/**
 * Feign settings of {@link PaymentOrdersClient} only (deliberately not a {@code @Configuration}, which would
 * apply to every Feign client): connect/read timeouts, and the client-credentials token of dossier-service on
 * every call, from Spring Security's OAuth2 client (registration {@value #REGISTRATION} in application.yml).
 * No Feign retryer: retries and the circuit breaker are Resilience4j's, in {@link PaymentClient}.
 */
class PaymentFeignConfiguration {

    /** {@code spring.security.oauth2.client.registration.dossier-service}: the Keycloak client dossier-service. */
    static final String REGISTRATION = "dossier-service";

    @Bean
    Request.Options paymentOptions(PaymentClientProperties properties) {
        return new Request.Options(properties.connectTimeout(), properties.readTimeout(), false);
    }

    @Bean
    RequestInterceptor serviceToken(ServiceTokens tokens) {
        return template -> template.header("Authorization", "Bearer " + tokens.accessToken(REGISTRATION));
    }
}
