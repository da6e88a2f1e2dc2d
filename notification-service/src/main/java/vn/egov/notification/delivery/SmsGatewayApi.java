package vn.egov.notification.delivery;

import feign.Request;
import feign.Response;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The HTTP SMS gateway's send endpoint (OpenFeign, notification-service's one outbound HTTP style). Answers the
 * raw {@link Response}: {@link SmsGatewayClient} decides what each status means, so Feign throws only when the
 * gateway cannot be reached.
 */
@FeignClient(
        name = "sms-gateway",
        url = "${egov.notification.sms.gateway-url:http://127.0.0.1:8091}",
        configuration = SmsGatewayApi.Config.class)
interface SmsGatewayApi {

    record SmsRequest(String to, String text, String reference) {}

    @PostMapping(path = "/api/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
    Response send(@RequestHeader("X-Api-Key") String apiKey, @RequestBody SmsRequest message);

    /** Applies to this client only (not a component: picked up through {@code configuration} above). */
    class Config {

        @Bean
        Request.Options smsRequestOptions(SmsProperties sms) {
            return new Request.Options(sms.connectTimeout(), sms.readTimeout(), false);
        }
    }
}
