package vn.egov.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * A document shown in the dossier page (an {@code <iframe>} for a PDF, an {@code <img>} for a scan) rather than
 * saved: the API's {@code attachment} becomes {@code inline} for a PDF, PNG or JPEG only (anything else stays a
 * download, so no other type ever renders under the portal's origin), and this one response may be framed by the
 * portal's own pages ({@code frame-ancestors 'self'}) while it runs nothing ({@code sandbox} is left out: Chromium
 * refuses to show a PDF in a sandboxed frame; {@code default-src 'none'} and {@code nosniff} keep a PDF a PDF).
 */
final class InlinePreview extends HttpServletResponseWrapper {

    static final Set<String> SHOWN = Set.of("application/pdf", "image/png", "image/jpeg");

    static final String POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            + "object-src 'self'; frame-ancestors 'self'";

    private String type;

    InlinePreview(HttpServletResponse response) {
        super(response);
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
    }

    @Override
    public void setHeader(String name, String value) {
        if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && value != null) {
            type = value.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        }
        if (HttpHeaders.CONTENT_DISPOSITION.equalsIgnoreCase(name)
                && value != null
                && type != null
                && SHOWN.contains(type)) {
            value = value.replaceFirst("^\\s*attachment", "inline");
        }
        super.setHeader(name, value);
    }
}
