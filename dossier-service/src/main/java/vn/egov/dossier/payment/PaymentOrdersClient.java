package vn.egov.dossier.payment;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/** payment-service's order API (Feign); the service token is added by {@link PaymentFeignConfiguration}. */
@FeignClient(
        name = "payment-service",
        url = "${egov.dossier.payment.base-url}",
        configuration = PaymentFeignConfiguration.class)
interface PaymentOrdersClient {

    @PostMapping(path = "/api/v1/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    PaymentClient.Order createOrder(
            @RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody PaymentClient.CreateOrder order);
}
