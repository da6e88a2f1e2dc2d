package vn.egov.notification.delivery;

import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.notification.recipient.Channel;

/**
 * The HTTP SMS gateway adapter: {@code POST <gateway>/api/sms} with {@code X-Api-Key} and
 * {@code {"to", "text", "reference"}} ({@link SmsGatewayApi}, OpenFeign); 2xx = accepted (the answer's
 * {@code id} is kept), 5xx, 429 and timeouts are retried, any other 4xx is permanent. Connect and read timeouts
 * keep a slow gateway from holding up the loop for long.
 */
@Component
class SmsGatewayClient implements ChannelSender {

    private final SmsProperties config;
    private final SmsGatewayApi gateway;
    private final JsonMapper json;

    SmsGatewayClient(SmsProperties config, SmsGatewayApi gateway, JsonMapper json) {
        this.config = config;
        this.gateway = gateway;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(Message message) throws Exception {
        try (Response response = gateway.send(
                config.apiKey(),
                new SmsGatewayApi.SmsRequest(message.destination(), message.text(), message.reference()))) {
            int status = response.status();
            if (status / 100 == 2) {
                return acceptedId(response);
            }
            if (status / 100 == 4 && status != 429 && status != 408) {
                throw new PermanentFailure("SMS gateway refused the message: HTTP " + status);
            }
            throw new IllegalStateException("SMS gateway unavailable: HTTP " + status);
        }
    }

    private String acceptedId(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream body = response.body().asInputStream()) {
            JsonNode answer = json.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            return answer.path("id").isMissingNode() ? null : answer.path("id").asString();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
