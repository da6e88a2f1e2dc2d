package vn.egov.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
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

    /**
     * For a browser posting one of Keycloak's sign-in forms: a page rather than problem+json when the caller takes
     * HTML and does not ask for JSON first (a browser's {@code Accept}; API clients and the tests' HTTP clients get the
     * problem). The page says what happened and when to try again ({@code retryAfterSeconds}, also in
     * {@code Retry-After}), links back to signing in, and names the code and correlation id for the help desk.
     */
    public Mono<Void> writeForBrowser(
            ServerWebExchange exchange, HttpStatusCode status, String code, long retryAfterSeconds) {
        if (!prefersHtml(exchange.getRequest())) {
            return write(exchange, status, code);
        }
        Locale locale = language(exchange.getRequest());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.getHeaders().setCacheControl("no-store");
        DataBuffer buffer = response.bufferFactory()
                .wrap(page(code, locale, retryAfterSeconds, CorrelationId.of(exchange))
                        .getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    String page(String code, Locale locale, long retryAfterSeconds, String correlationId) {
        String title = message("problem." + code + ".title", locale, message("problem.generic.title", locale, code));
        String detail = message("page." + code + ".detail", locale, message("problem." + code + ".detail", locale, ""));
        String site = message("page.site", locale, "");
        String reference = message(
                "page.reference",
                locale,
                code + " " + (correlationId == null ? "" : correlationId),
                code,
                correlationId == null ? "—" : correlationId);
        return "<!DOCTYPE html>\n<html lang=\"" + locale.toLanguageTag() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · " + escape(site) + "</title>\n<style>\n"
                + "body{margin:0;background:#f3f4f6;color:#1f2937;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',"
                + "Roboto,Arial,sans-serif}\n"
                + "header{background:#9b1c1c;color:#fff;padding:.75rem 1rem;font-weight:600}\n"
                + "main{max-width:36rem;margin:1.5rem auto;padding:1.25rem 1.5rem;background:#fff;"
                + "border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}\n"
                + "h1{font-size:1.375rem;line-height:1.3;margin:0 0 .75rem}\n"
                + "a{color:#1d4ed8}\n.when{font-weight:600}\n.reference{color:#4b5563;font-size:.875rem}\n"
                + "</style>\n</head>\n<body>\n<header>" + escape(site) + "</header>\n<main>\n<h1>" + escape(title)
                + "</h1>\n<p>" + escape(detail) + "</p>\n<p class=\"when\">"
                + escape(message("page.retry-after", locale, "", wait(retryAfterSeconds, locale))) + "</p>\n"
                + "<p><a href=\"/dang-nhap\">" + escape(message("page.back", locale, "")) + "</a></p>\n"
                + "<p><a href=\"/tro-giup\">" + escape(message("page.help", locale, "")) + "</a></p>\n"
                + "<p class=\"reference\">" + escape(reference) + "</p>\n</main>\n</body>\n</html>\n";
    }

    /** "45 giây", "3 phút", "2 giờ": the wait rounded up to the unit a person reads. */
    private String wait(long seconds, Locale locale) {
        if (seconds < 60) {
            return message("page.seconds", locale, seconds + " s", Math.max(1, seconds));
        }
        if (seconds < 3600) {
            return message("page.minutes", locale, seconds / 60 + " min", (seconds + 59) / 60);
        }
        return message("page.hours", locale, seconds / 3600 + " h", (seconds + 3599) / 3600);
    }

    /** Whether the caller takes HTML before any JSON (a browser's navigation), by the order and weights of Accept. */
    static boolean prefersHtml(ServerHttpRequest request) {
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(request.getHeaders().getAccept());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
        }
        return false;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
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

    private String message(String key, Locale locale, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments.length == 0 ? null : arguments, fallback, locale);
    }
}
