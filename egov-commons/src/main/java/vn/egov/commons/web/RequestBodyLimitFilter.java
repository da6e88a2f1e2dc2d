package vn.egov.commons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps the body of every request that is not multipart ({@code egov.web.max-body-size}, 2 MB): JSON bodies
 * are small (the largest field a service accepts is a few thousand characters), and without a cap Tomcat
 * and Jackson would read a body of any size into memory before a field limit could refuse it. A declared
 * Content-Length over the cap is refused before a byte is read; a chunked body is read up to the cap and
 * refused as soon as it passes it. The answer is a 413 {@code payload-too-large} problem (vi/en), never
 * Tomcat's HTML page. Multipart requests keep Spring's own limits ({@code spring.servlet.multipart.*},
 * 413 through {@link ProblemDetailsAdvice}), which each service sizes for its documents.
 *
 * <p>The cap sits well above the field limits on purpose: a body that is merely too long in one field
 * reaches validation and is answered with a problem naming that field.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long maxBytes;
    private final ProblemFactory problems;

    public RequestBodyLimitFilter(long maxBytes, ProblemFactory problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared >= 0
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                || contentType != null
                        && contentType
                                .toLowerCase(Locale.ROOT)
                                .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            // a declared length within the cap: Tomcat never reads past it. A chunked form post is left to
            // Tomcat, which parses it from its own stream and caps it (server.tomcat.max-http-form-post-size, 2 MB)
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
                ? ProblemFactory.DEFAULT_LOCALE
                : request.getLocale();
        var problem = problems.create(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                locale,
                CorrelationIdFilter.current(request),
                java.util.List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        body.put("maxBytes", maxBytes);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the rest of the body is not read: tell the client the connection will not be reused
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
        // on the wire now, before the container gives up on the unread body and drops the connection
        response.flushBuffer();
    }

    /** A chunked body already read (and within the cap), served again to the rest of the chain. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
