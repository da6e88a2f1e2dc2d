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
        RestClient.RequestHeadersSpec.ExchangeFunction<Integer> streamed = toOrRefusal(browser);
        return (request, response) -> {
            Integer refused = streamed.exchange(request, response);
            if (refused != null) {
                throw new ApiProblemException(refused, "document-download-failed", null);
            }
            return null;
        };
    }

    /**
     * The same, for a page that answers a refusal itself (a sentence next to a field): null once the file is
     * streamed, else the API's status and nothing written to the browser.
     */
    public static RestClient.RequestHeadersSpec.ExchangeFunction<Integer> toOrRefusal(HttpServletResponse browser) {
        return (request, response) -> {
            int status = response.getStatusCode().value();
            if (status >= 400) {
                return status;
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
