package vn.egov.commons.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the platform's problem details: stable {@code type} ({@code urn:egov:problem:<code>}),
 * {@code code}, localised {@code title} and {@code detail}, field {@code errors} and the
 * {@code correlationId}. Shared by the MVC advice and the security handlers so every error looks alike.
 */
public class ProblemFactory {

    public static final String TYPE_PREFIX = "urn:egov:problem:";
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    public ProblemFactory() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // the service's own bundle first, then the shared one; the base files are Vietnamese
        source.setBasenames("messages", "egov-commons-messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        this.messages = source;
    }

    public ProblemDetail create(
            HttpStatusCode status,
            String code,
            Locale locale,
            String correlationId,
            List<ApiProblem.FieldError> fieldErrors,
            Object... args) {
        Locale effective = locale != null ? locale : DEFAULT_LOCALE;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(message(
                "problem." + code + ".title",
                args,
                effective,
                message("problem.generic.title", args, effective, code)));
        problem.setDetail(message("problem." + code + ".detail", args, effective, null));
        problem.setProperty("code", code);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            // worded here, in the answer's language, so that the field messages and the detail always agree
            problem.setProperty(
                    "errors",
                    fieldErrors.stream().map(e -> e.worded(this, effective)).toList());
        }
        return problem;
    }

    /** A message from the bundles, or {@code fallback} when there is none. */
    public String message(String key, Object[] args, Locale locale, String fallback) {
        return messages.getMessage(key, args, fallback, locale != null ? locale : DEFAULT_LOCALE);
    }
}
