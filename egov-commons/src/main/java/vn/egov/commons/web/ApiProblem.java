package vn.egov.commons.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure to tell the client about, as an RFC 9457 problem. {@code code} is stable and
 * machine-readable (it is also the last segment of the problem {@code type}); the human title and
 * detail come from the message bundles ({@code problem.<code>.title} / {@code problem.<code>.detail},
 * Vietnamese by default, English on {@code Accept-Language: en}) with {@code args} filled in.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String code, String message) {}

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
