package vn.egov.commons.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure to tell the client about, as an RFC 9457 problem. {@code code} is stable and
 * machine-readable (it is also the last segment of the problem {@code type}); the human title and
 * detail come from the message bundles ({@code problem.<code>.title} / {@code problem.<code>.detail},
 * Vietnamese by default, English on {@code Accept-Language: en}) with {@code args} filled in.
 */
public class ApiProblem extends RuntimeException {

    /**
     * One bad field: its path in the request, a stable {@code code}, and a {@code message} for people. Build it
     * with {@link #of} so that the message is worded when the answer is written, in the request's language
     * (the same one as the problem's {@code detail}), from the bundles' {@code messageKey} filled with
     * {@code messageArgs}; those two are not part of the JSON.
     */
    public record FieldError(
            String field,
            String code,
            String message,
            @JsonIgnore String messageKey,
            @JsonIgnore List<Object> messageArgs) {

        /** A field error whose message is already worded (prefer {@link #of}). */
        public FieldError(String field, String code, String message) {
            this(field, code, message, null, List.of());
        }

        public FieldError {
            messageArgs = messageArgs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(messageArgs));
        }

        /**
         * A field error worded from {@code validation.<code>} in the request's language (Vietnamese by
         * default, English on {@code Accept-Language: en}), with {@code args} as {@code {0}}, {@code {1}}…
         */
        public static FieldError of(String field, String code, Object... args) {
            return keyed(field, code, "validation." + code, args);
        }

        /** The same as {@link #of} with a message key of its own ({@code validation.dossier.required}…). */
        public static FieldError keyed(String field, String code, String messageKey, Object... args) {
            return new FieldError(field, code, null, messageKey, Arrays.asList(args));
        }

        /** This error as sent: the message worded in {@code locale} when it was left to the bundles. */
        FieldError worded(ProblemFactory problems, Locale locale) {
            if (messageKey == null) {
                return this;
            }
            return new FieldError(
                    field, code, problems.message(messageKey, messageArgs.toArray(), locale, code), null, List.of());
        }
    }

    private final HttpStatus status;
    private final String code;
    private final Object[] args;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), Map.of(), args);
    }

    public ApiProblem(
            HttpStatus status,
            String code,
            List<FieldError> fieldErrors,
            Map<String, Object> properties,
            Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
