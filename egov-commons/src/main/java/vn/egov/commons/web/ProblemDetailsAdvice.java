package vn.egov.commons.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
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
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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
        ProblemDetail body = problems.create(
                e.status(), e.code(), locale(request), correlationId(request), e.fieldErrors(), e.args());
        e.properties().forEach(body::setProperty);
        return respond(e.status(), body);
    }

    /**
     * Bean Validation run by hand ({@code validator.validate(x)} then {@code throw new
     * ConstraintViolationException(…)}, e.g. for a JSON part of a multipart request) or by a {@code @Validated}
     * bean: the same answer as a {@code @Valid} body — 400 {@code validation-failed}, each error naming its field
     * by its path in the request ({@code reason}, {@code missingDocuments[3]}, {@code documents[0].fileName}) with
     * the message {@code validation.<Constraint>} filled with the constraint's bounds.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException e, NativeWebRequest request) {
        Locale locale = locale(request);
        List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(v, locale))
                .sorted(java.util.Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        return respond(
                HttpStatus.BAD_REQUEST,
                problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale, correlationId(request), errors));
    }

    /**
     * Spring MVC's own method validation: constraints on {@code @RequestParam}, {@code @RequestHeader} or
     * {@code @PathVariable} parameters (and {@code @Valid} bodies of the same method). Each error names the
     * request parameter or header as the client sent it.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors
                        .getFieldErrors()
                        .forEach(f -> errors.add(new ApiProblem.FieldError(
                                f.getField(),
                                f.getCode(),
                                problems.message(
                                        "validation." + f.getCode(),
                                        f.getArguments(),
                                        locale,
                                        f.getDefaultMessage()))));
                continue;
            }
            String name = requestName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                String code = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
                errors.add(new ApiProblem.FieldError(
                        name,
                        code,
                        problems.message(
                                "validation." + code, error.getArguments(), locale, error.getDefaultMessage())));
            }
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale, correlationId(request), errors));
    }

    /**
     * A multipart body that cannot be parsed (cut off, a broken boundary): the client's fault, a 400. Bodies past
     * the size limits keep their 413 ({@code MaxUploadSizeExceededException}, handled by the base class).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleUnreadableMultipart(MultipartException e, NativeWebRequest request) {
        return respond(
                HttpStatus.BAD_REQUEST,
                problems.create(
                        HttpStatus.BAD_REQUEST, "bad-request", locale(request), correlationId(request), List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException e, NativeWebRequest request) {
        return respond(
                HttpStatus.FORBIDDEN,
                problems.create(HttpStatus.FORBIDDEN, "forbidden", locale(request), correlationId(request), List.of()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException e, NativeWebRequest request) {
        return respond(
                HttpStatus.UNAUTHORIZED,
                problems.create(
                        HttpStatus.UNAUTHORIZED, "unauthorized", locale(request), correlationId(request), List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, NativeWebRequest request) {
        String correlationId = correlationId(request);
        if (databaseUnavailable(e)) {
            // an outage, not a bug: the client is told to come back, and the log gets one line, not a trace
            log.warn("database unavailable [correlationId={}]: {}", correlationId, e.toString());
            ProblemDetail body = problems.create(
                    HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", locale(request), correlationId, List.of());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body);
        }
        log.error("unexpected error [correlationId={}]", correlationId, e);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                problems.create(
                        HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", locale(request), correlationId, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale(request);
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiProblem.FieldError(
                        f.getField(),
                        f.getCode(),
                        problems.message("validation." + f.getCode(), f.getArguments(), locale, f.getDefaultMessage())))
                .toList();
        return respond(
                HttpStatus.BAD_REQUEST,
                problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale, correlationId(request), errors));
    }

    /** Spring MVC's own exceptions (404, 405, 415, unreadable body…) keep their status, get our shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String code = codeFor(e, status);
        ProblemDetail problem = problems.create(status, code, locale(request), correlationId(request), List.of());
        if (problem.getDetail() == null
                && e instanceof ErrorResponse er
                && er.getBody().getDetail() != null
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
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static Locale locale(WebRequest request) {
        Locale locale = request.getLocale();
        HttpServletRequest servlet =
                request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
        if (servlet != null && servlet.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return ProblemFactory.DEFAULT_LOCALE;
        }
        return locale;
    }

    private static String correlationId(WebRequest request) {
        HttpServletRequest servlet =
                request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
        return servlet != null ? CorrelationIdFilter.current(servlet) : null;
    }

    private ApiProblem.FieldError fieldError(ConstraintViolation<?> v, Locale locale) {
        String code =
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String field = fieldPath(v.getPropertyPath());
        // the same arguments Spring gives a @Valid body's errors: the field, then the attributes by name
        // (so validation.Size reads {1} = max, {2} = min in both cases)
        List<Object> args = new ArrayList<>();
        args.add(field);
        new TreeMap<>(v.getConstraintDescriptor().getAttributes()).forEach((attribute, value) -> {
            if (!"message".equals(attribute) && !"groups".equals(attribute) && !"payload".equals(attribute)) {
                args.add(value);
            }
        });
        return new ApiProblem.FieldError(
                field, code, problems.message("validation." + code, args.toArray(), locale, v.getMessage()));
    }

    /**
     * The violation's path as the client wrote the request: method and parameter nodes (method validation)
     * dropped unless nothing else is left, list indexes and map keys as {@code [i]}, container elements unnamed.
     */
    static String fieldPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        boolean hasProperty = nodes.stream()
                .anyMatch(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT);
        StringBuilder out = new StringBuilder();
        for (Path.Node node : nodes) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD
                    || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.BEAN
                    || kind == ElementKind.PARAMETER && hasProperty) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }

    /** The name a client uses for a parameter: its request parameter, header, path variable or part name. */
    private static String requestName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        if (part != null && !part.name().isEmpty()) {
            return part.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
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
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            // the rollback after the server ended the connection fails too ("Connection is closed"): what made the
            // transaction roll back is the application exception it keeps, outside the cause chain
            if (t instanceof org.springframework.transaction.TransactionSystemException tse
                    && tse.getApplicationException() != null
                    && tse.getApplicationException() != e
                    && databaseUnavailable(tse.getApplicationException())) {
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
