package vn.egov.portal.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * A file of the API streamed to the browser as it comes (never whole in memory), with the API's type, name, length
 * and ETag, and never cached (personal documents: {@code no-store}). A problem (404: not this user's, or no such
 * file) becomes an {@link ApiProblemException}, so the usual page.
 */
public final class Downloads {

    private static final List<String> PASSED_ON = List.of(
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH, HttpHeaders.ETAG);

    private Downloads() {}

    /** For {@code api.get().uri(…).accept(MediaType.ALL).exchange(Downloads.to(browser), true)}. */
    public static RestClient.RequestHeadersSpec.ExchangeFunction<Void> to(HttpServletResponse browser) {
        return (request, response) -> {
            int status = response.getStatusCode().value();
            if (status >= 400) {
                throw new ApiProblemException(status, "document-download-failed", null);
            }
            for (String header : PASSED_ON) {
                String value = response.getHeaders().getFirst(header);
                if (value != null) {
                    browser.setHeader(header, value);
                }
            }
            browser.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            try {
                StreamUtils.copy(response.getBody(), browser.getOutputStream());
            } catch (IOException broken) {
                throw new UncheckedIOException(broken);
            }
            return null;
        };
    }
}
