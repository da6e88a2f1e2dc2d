package vn.egov.portal.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Server-sent event streams of the public API through the gateway, read line by line as they arrive (the live
 * inbox). The one place besides {@link ApiConfiguration} that talks HTTP to the API: a {@code RestClient} reads a
 * whole body, while a stream stays open for minutes and must be read without holding a thread.
 */
@Component
public class EventStreams {

    /** An opened stream: its status once known ({@code 0} when it did not answer), and the exchange to cancel. */
    public record Opened(CompletableFuture<Integer> status, CompletableFuture<?> exchange) {}

    private final HttpClient http;
    private final String baseUrl;
    private final ApiProperties properties;

    EventStreams(ApiProperties properties) {
        this.properties = properties;
        this.baseUrl = properties.baseUrl().toString().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Opens {@code path} with the user's {@code token}; only a 200's body goes, line by line, to {@code lines}. When
     * the exchange ends or breaks, {@code ended} runs.
     */
    public Opened open(
            String path,
            String token,
            Locale locale,
            java.time.Duration openTimeout,
            Flow.Subscriber<String> lines,
            Runnable ended) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(openTimeout)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
                .header(HttpHeaders.ACCEPT_LANGUAGE, locale.toLanguageTag())
                .GET()
                .build();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, answer -> {
            status.complete(answer.statusCode());
            return answer.statusCode() == 200
                    ? HttpResponse.BodySubscribers.fromLineSubscriber(lines)
                    : HttpResponse.BodySubscribers.replacing(null);
        });
        exchange.whenComplete((done, failed) -> {
            if (failed != null) {
                status.complete(0);
            }
            ended.run();
        });
        return new Opened(status, exchange);
    }
}
