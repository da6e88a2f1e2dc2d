package vn.egov.notification.delivery;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.notification.NotificationProperties;
import vn.egov.notification.recipient.Channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The HTTP SMS gateway adapter: {@code POST <gateway>/api/sms} with {@code X-Api-Key} and
 * {@code {"to", "text", "reference"}}; 2xx = accepted (the answer's {@code id} is kept), 5xx, 429 and
 * timeouts are retried, any other 4xx is permanent. Connect and read timeouts keep a slow gateway from
 * holding up the loop for long.
 */
@Component
class SmsGatewayClient implements ChannelSender {

    private final NotificationProperties.Sms config;
    private final JsonMapper json;
    private final HttpClient http;

    SmsGatewayClient(NotificationProperties properties, JsonMapper json) {
        this.config = properties.sms();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(Message message) throws Exception {
        String body = json.writeValueAsString(Map.of("to", message.destination(), "text", message.text(),
                "reference", message.reference()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(config.gatewayUrl()) + "/api/sms"))
                .timeout(config.readTimeout())
                .header("Content-Type", "application/json")
                .header("X-Api-Key", config.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                JsonNode answer = json.readTree(response.body());
                return answer.path("id").isMissingNode() ? null : answer.path("id").asString();
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        if (status / 100 == 4 && status != 429 && status != 408) {
            throw new PermanentFailure("SMS gateway refused the message: HTTP " + status);
        }
        throw new IllegalStateException("SMS gateway unavailable: HTTP " + status);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
