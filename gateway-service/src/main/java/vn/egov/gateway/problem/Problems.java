package vn.egov.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.gateway.correlation.CorrelationId;

/**
 * Writes the gateway's own errors as RFC 9457 problem details shaped like the services' ones:
 * {@code type} {@code urn:egov:problem:<code>}, a stable {@code code}, {@code title} and {@code detail}
 * from {@code messages.properties} (Vietnamese) or {@code messages_en.properties}, the request path as
 * {@code instance} and the request's {@code correlationId}.
 */
@Component
public class Problems {

    public static final String TYPE_PREFIX = "urn:egov:problem:";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);
    /** The path the client asked for, kept across internal forwards. */
    public static final String REQUEST_PATH_ATTR = Problems.class.getName() + ".requestPath";

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Writes the problem for {@code code} as the response. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code) {
        ServerHttpResponse response = exchange.getResponse();
        String instance = requestPath(exchange);
        Map<String, Object> body =
                body(status, code, instance, language(exchange.getRequest()), CorrelationId.of(exchange));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders()
                .set(
                        HttpHeaders.CONTENT_LANGUAGE,
                        language(exchange.getRequest()).toLanguageTag());
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    Map<String, Object> body(HttpStatusCode status, String code, String instance, Locale locale, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code);
        body.put(
                "title", message("problem." + code + ".title", locale, message("problem.generic.title", locale, code)));
        body.put("status", status.value());
        body.put("detail", message("problem." + code + ".detail", locale, null));
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        return body;
    }

    /** The path the client asked for (not that of an internal forward). */
    public static String requestPath(ServerWebExchange exchange) {
        String recorded = exchange.getAttribute(REQUEST_PATH_ATTR);
        return recorded != null ? recorded : exchange.getRequest().getPath().value();
    }

    /** Vietnamese unless the caller prefers a language we have messages for. */
    public static Locale language(ServerHttpRequest request) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = request.getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            return VIETNAMESE;
        }
        Locale chosen = ranges.isEmpty() ? null : Locale.lookup(ranges, SUPPORTED);
        return chosen != null ? chosen : VIETNAMESE;
    }

    private String message(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
