package vn.egov.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import vn.egov.portal.payment.PaymentProperties;

/**
 * For every page: the security headers (a CSP with no inline script or style at all: the pages have none) and
 * the language switch's links, which lead back to the same page and query in the other language. They are
 * request attributes rather than model attributes so that the error pages, rendered after a forward to
 * /error, have them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The policy with the payment gateway's origin added to form-action (the "pay" form's answer goes there). */
    private final String contentSecurityPolicy;

    PageFilter(PaymentProperties payment) {
        this.contentSecurityPolicy =
                CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + payment.source());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        request.setAttribute("languageLinks", languageLinks(request));
        chain.doFilter(request, response);
    }

    private static Map<String, String> languageLinks(HttpServletRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Locale language : WebConfiguration.LANGUAGES) {
            String query = request.getQueryString();
            links.put(
                    language.getLanguage(),
                    UriComponentsBuilder.fromPath(request.getRequestURI())
                            .query(query)
                            .replaceQueryParam(WebConfiguration.LANGUAGE_PARAMETER, language.getLanguage())
                            .build(true)
                            .toUriString());
        }
        return links;
    }
}
