package vn.egov.commons.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Every error a controller lets out becomes an RFC 9457 problem ({@code application/problem+json})
 * with a stable {@code code}, a localised {@code detail}, field errors where they apply, and the
 * correlation id. Unexpected failures are logged with that id and answered without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** What a client is told to wait when the database cannot be reached (the gateway says 10 s for a service). */
    static final String DATABASE_RETRY_AFTER_SECONDS = "10";

    private final ProblemFactory problems;

    public ProblemDetailsAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> handleApiProblem(ApiProblem e, NativeWebRequest request) {
        ProblemDetail body = problems.create(e.status(), e.code(), locale(request), correlationId(request),
                e.fieldErrors(), e.args());
        e.properties().forEach(body::setProperty);
        return respond(e.status(), body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException e, NativeWebRequest request) {
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldError(lastNode(v.getPropertyPath().toString()),
                        "invalid", v.getMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, problems.create(HttpStatus.BAD_REQUEST, "validation-failed",
                locale(request), correlationId(request), errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException e, NativeWebRequest request) {
        return respond(HttpStatus.FORBIDDEN, problems.create(HttpStatus.FORBIDDEN, "forbidden",
                locale(request), correlationId(request), List.of()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException e, NativeWebRequest request) {
        return respond(HttpStatus.UNAUTHORIZED, problems.create(HttpStatus.UNAUTHORIZED, "unauthorized",
                locale(request), correlationId(request), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, NativeWebRequest request) {
        String correlationId = correlationId(request);
        if (databaseUnavailable(e)) {
            // an outage, not a bug: the client is told to come back, and the log gets one line, not a trace
            log.warn("database unavailable [correlationId={}]: {}", correlationId, e.toString());
            ProblemDetail body = problems.create(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    locale(request), correlationId, List.of());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
        log.error("unexpected error [correlationId={}]", correlationId, e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, problems.create(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", locale(request), correlationId, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(f.getField(), f.getCode(),
                        problems.message("validation." + f.getCode(), f.getArguments(), locale,
                                f.getDefaultMessage())))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, problems.create(HttpStatus.BAD_REQUEST, "validation-failed",
                locale, correlationId(request), errors));
    }

    /** Spring MVC's own exceptions (404, 405, 415, unreadable body…) keep their status, get our shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String code = codeFor(e, status);
        ProblemDetail problem = problems.create(status, code, locale(request), correlationId(request), List.of());
        if (problem.getDetail() == null && e instanceof ErrorResponse er && er.getBody().getDetail() != null
                && Locale.ENGLISH.getLanguage().equals(locale(request).getLanguage())) {
            problem.setDetail(er.getBody().getDetail());
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(out).body(problem);
    }

    private static String codeFor(Exception e, HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.is5xxServerError() ? "internal-error" : "bad-request";
        };
    }

    private static ResponseEntity<Object> respond(HttpStatusCode status, ProblemDetail body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Locale locale(WebRequest request) {
        Locale locale = request.getLocale();
        HttpServletRequest servlet = request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
        if (servlet != null && servlet.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return ProblemFactory.DEFAULT_LOCALE;
        }
        return locale;
    }

    private static String correlationId(WebRequest request) {
        HttpServletRequest servlet = request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
        return servlet != null ? CorrelationIdFilter.current(servlet) : null;
    }

    /**
     * Whether the failure is the database being out of reach (down, restarting, connections cut), as
     * opposed to a bug: no connection could be had, the transaction could not begin, or the server or
     * the network ended the connection (SQLState class 08, or 57P01–57P03: shut down by the administrator,
     * crashed, not accepting connections yet). Looked for along the causes, since commits and the JDBC
     * driver wrap it.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
