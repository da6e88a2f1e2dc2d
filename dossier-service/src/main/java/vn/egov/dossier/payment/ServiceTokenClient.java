package vn.egov.dossier.payment;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.Map;

/** The realm's token endpoint, for the client-credentials grant of {@code dossier-service} (Feign). */
@FeignClient(name = "oidc-token", url = "${egov.dossier.payment.token-uri}",
        configuration = ServiceTokenClient.Timeouts.class)
interface ServiceTokenClient {

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, Object> token(@RequestBody Map<String, ?> form);

    /** Not a @Configuration on purpose: Feign applies it to this client only. */
    class Timeouts {
        @org.springframework.context.annotation.Bean
        feign.Request.Options tokenOptions(PaymentClientProperties properties) {
            return new feign.Request.Options(properties.connectTimeout(), properties.readTimeout(), false);
        }
    }
}
