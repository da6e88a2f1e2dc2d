package vn.egov.dossier.payment;

import static org.assertj.core.api.Assertions.assertThat;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentClientTest {

    static final Request REQUEST = Request.create(
            Request.HttpMethod.POST,
            "http://127.0.0.1/api/v1/payments",
            Map.of(),
            new byte[0],
            StandardCharsets.UTF_8,
            null);

    static FeignException status(int status) {
        return FeignException.errorStatus(
                "createOrder",
                feign.Response.builder()
                        .status(status)
                        .reason("x")
                        .request(REQUEST)
                        .headers(Map.of())
                        .build());
    }

    @Test
    void retriesWhatMayPassAndNothingElse() {
        assertThat(PaymentClient.worthRetrying(new RetryableException(
                        -1, "Connection refused", Request.HttpMethod.POST, (Long) null, REQUEST)))
                .isTrue();
        assertThat(PaymentClient.worthRetrying(status(503))).isTrue();
        assertThat(PaymentClient.worthRetrying(status(429))).isTrue();
        assertThat(PaymentClient.worthRetrying(new IllegalStateException("no access token")))
                .isTrue();
        assertThat(PaymentClient.worthRetrying(status(400))).isFalse();
        assertThat(PaymentClient.worthRetrying(status(403))).isFalse();
        assertThat(PaymentClient.worthRetrying(CallNotPermittedException.createCallNotPermittedException(
                        CircuitBreaker.ofDefaults("payment-service"))))
                .isFalse();
    }
}
