package vn.egov.dossier.input;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.WebProperties;

/**
 * Reads the JSON part of a multipart request ({@code dossier}, {@code action}, {@code supplement}) the way
 * Spring reads a JSON body: no larger than a JSON body may be ({@code egov.web.max-body-size}, else 413
 * {@code payload-too-large}), unreadable → 400 {@code bad-request}, then the record's Bean Validation
 * constraints ({@link InputLimits}) → 400 {@code validation-failed} naming each field, exactly as a
 * {@code @Valid} body would answer.
 */
@Component
public class JsonParts {

    private final JsonMapper json;
    private final Validator validator;
    private final long maxBytes;

    JsonParts(JsonMapper json, Validator validator, WebProperties web) {
        this.json = json;
        this.validator = validator;
        this.maxBytes = web.maxBodySize().toBytes();
    }

    /** The part, parsed and checked; null when it is absent or blank. */
    public <T> T read(String part, Class<T> type) {
        if (part == null || part.isBlank()) {
            return null;
        }
        // a char is at most 3 UTF-8 bytes: count exactly only when the cheap bound is not enough
        if ((long) part.length() * 3 > maxBytes && part.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
        }
        T value;
        try {
            value = json.readValue(part, type);
        } catch (JacksonException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        validate(value);
        return value;
    }

    <T> void validate(T value) {
        if (value == null) {
            return;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
