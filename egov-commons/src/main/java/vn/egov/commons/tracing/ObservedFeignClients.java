package vn.egov.commons.tracing;

import feign.Capability;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.ClientRequestObservationConvention;

/**
 * An OpenFeign call observed exactly as a {@code RestClient} call is (decision 48): Spring's
 * {@code http.client.requests} observation, so one client span per call, {@code traceparent} written by the tracing
 * handler, and the same meter with the same tag keys ({@code method}, {@code uri} template, {@code status},
 * {@code outcome}, {@code client.name}, {@code exception}); Prometheus refuses one family under two key sets, which is
 * why OpenFeign's own {@code feign-micrometer} is not used. The convention is the services' one: no query string in
 * {@code http.url}.
 *
 * <p>The Feign request is shown to Spring's observation through a small adapter; the tracing handler writes its
 * headers into a copy, from which the request that is sent is made. Nothing else of the call changes: the body, the
 * options and the response are Feign's.
 */
public final class ObservedFeignClients implements Capability {

    private static final ClientRequestObservationConvention DEFAULT = new QuerylessClientRequestObservationConvention();

    private final ObservationRegistry registry;
    private final ClientRequestObservationConvention convention;

    public ObservedFeignClients(ObservationRegistry registry, ClientRequestObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public Client enrich(Client client) {
        return (request, options) -> execute(client, request, options);
    }

    private Response execute(Client client, Request request, Request.Options options) throws IOException {
        FeignRequest carrier = new FeignRequest(request);
        ClientRequestObservationContext context = new ClientRequestObservationContext(carrier);
        context.setUriTemplate(uriTemplate(request));
        Observation observation = ClientHttpObservationDocumentation.HTTP_CLIENT_EXCHANGES
                .observation(convention, DEFAULT, () -> context, registry)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            Response response = client.execute(carrier.withPropagatedHeaders(), options);
            context.setResponse(new FeignResponse(response));
            return response;
        } catch (IOException | RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** The method's template ({@code /api/v1/identity/internal/people/{personId}/contacts}), never the values. */
    private static String uriTemplate(Request request) {
        RequestTemplate template = request.requestTemplate();
        MethodMetadata method = template == null ? null : template.methodMetadata();
        if (method == null || method.template() == null) {
            return null;
        }
        String url = method.template().url();
        return url == null || url.isEmpty() ? null : url;
    }

    /** The Feign request as Spring's observation sees it; headers written by the tracing handler go to a copy. */
    private static final class FeignRequest implements ClientHttpRequest {
        private final Request request;
        private final HttpHeaders headers = new HttpHeaders();
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        FeignRequest(Request request) {
            this.request = request;
            request.headers().forEach((name, values) -> headers.addAll(name, List.copyOf(values)));
        }

        Request withPropagatedHeaders() {
            Map<String, Collection<String>> sent = new LinkedHashMap<>();
            headers.forEach(sent::put);
            return Request.create(
                    request.httpMethod(),
                    request.url(),
                    sent,
                    request.body(),
                    request.charset(),
                    request.requestTemplate());
        }

        @Override
        public HttpMethod getMethod() {
            return HttpMethod.valueOf(request.httpMethod().name());
        }

        @Override
        public URI getURI() {
            return URI.create(request.url());
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getBody() {
            throw new UnsupportedOperationException("the body is Feign's");
        }

        @Override
        public ClientHttpResponse execute() {
            throw new UnsupportedOperationException("Feign sends the request");
        }
    }

    /** What the convention reads of the response: its status. The body stays Feign's, unread. */
    private record FeignResponse(Response response) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(response.status());
        }

        @Override
        public String getStatusText() {
            return response.reason() == null ? "" : response.reason();
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            response.headers().forEach((name, values) -> headers.addAll(name, List.copyOf(values)));
            return headers;
        }

        @Override
        public InputStream getBody() {
            return InputStream.nullInputStream();
        }

        @Override
        public void close() {
            // Feign closes the response after decoding it
        }
    }
}
