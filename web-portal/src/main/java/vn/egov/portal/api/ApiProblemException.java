package vn.egov.portal.api;

import java.util.List;

/**
 * The API answered with a problem (RFC 9457), or could not be reached. Only the stable {@code code} and the
 * status travel on: the page shows its own sentence for the code, never the API's text or body.
 */
public class ApiProblemException extends RuntimeException {

    /**
     * One bad field of a request ({@code errors[]} of a {@code validation-failed} or conflict problem): the field as
     * the API names it and the API's message, already in the page's language (the API is asked in it).
     */
    public record FieldError(String field, String message) {}

    /** Code used when nothing answered (connection refused, timeout): no problem document to read. */
    public static final String UNREACHABLE = "api-unreachable";

    private final int status;
    private final String code;
    private final List<FieldError> fieldErrors;

    public ApiProblemException(int status, String code, Throwable cause) {
        this(status, code, List.of(), cause);
    }

    public ApiProblemException(int status, String code, List<FieldError> fieldErrors, Throwable cause) {
        super("API problem " + status + " " + code, cause);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The problem's field errors; empty when it named none. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
