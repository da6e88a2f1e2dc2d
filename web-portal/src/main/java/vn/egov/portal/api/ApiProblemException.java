package vn.egov.portal.api;

/**
 * The API answered with a problem (RFC 9457), or could not be reached. Only the stable {@code code} and the
 * status travel on: the page shows its own sentence for the code, never the API's text or body.
 */
public class ApiProblemException extends RuntimeException {

    /** Code used when nothing answered (connection refused, timeout): no problem document to read. */
    public static final String UNREACHABLE = "api-unreachable";

    private final int status;
    private final String code;

    public ApiProblemException(int status, String code, Throwable cause) {
        super("API problem " + status + " " + code, cause);
        this.status = status;
        this.code = code;
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
