package vn.egov.gateway.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/** A failure the gateway answers itself, with the stable problem {@code code} to report. */
public class ProblemException extends ResponseStatusException {

    private final String code;

    public ProblemException(HttpStatusCode status, String code) {
        super(status, code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
