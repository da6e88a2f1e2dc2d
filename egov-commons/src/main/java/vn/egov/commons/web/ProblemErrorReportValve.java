package vn.egov.commons.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a request Tomcat refuses before Spring sees it — a request line or headers past Tomcat's limits,
 * an encoded slash or NUL in the path, a malformed request — as a problem document in the caller's language
 * instead of Tomcat's HTML page, like every other refusal of the API. Installed as the host's error report valve
 * ({@link EgovWebAutoConfiguration}); what reaches Spring is answered by {@link ProblemDetailsAdvice} as before.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemFactory problems;

    public ProblemErrorReportValve() {
        this(new ProblemFactory());
    }

    public ProblemErrorReportValve(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: nothing for a success, nothing once something was written, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        ProblemDetail problem = problems.create(HttpStatusCode.valueOf(status), code, locale(request), null, List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", status);
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }

    /** English when the caller asks for it first, Vietnamese otherwise (as {@link ProblemDetailsAdvice}). */
    static Locale locale(Request request) {
        String accept = request.getHeader("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return ProblemFactory.DEFAULT_LOCALE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accept);
            Locale chosen = Locale.lookup(ranges, List.of(ProblemFactory.DEFAULT_LOCALE, Locale.ENGLISH));
            return chosen != null ? chosen : ProblemFactory.DEFAULT_LOCALE;
        } catch (IllegalArgumentException malformed) {
            return ProblemFactory.DEFAULT_LOCALE;
        }
    }
}
