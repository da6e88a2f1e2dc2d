package vn.egov.dossier.payment;

import feign.Request;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;

/**
 * Feign settings of {@link PaymentOrdersClient} only (deliberately not a {@code @Configuration}, which would
 * apply to every Feign client): connect/read timeouts, and the client-credentials token of dossier-service on
 * every call. No Feign retryer: retries and the circuit breaker are Resilience4j's, in {@link PaymentClient}.
 */
class PaymentFeignConfiguration {

    @Bean
    Request.Options paymentOptions(PaymentClientProperties properties) {
        return new Request.Options(properties.connectTimeout(), properties.readTimeout(), false);
    }

    @Bean
    RequestInterceptor serviceToken(ServiceTokens tokens) {
        return template -> template.header("Authorization", "Bearer " + tokens.accessToken());
    }
}
