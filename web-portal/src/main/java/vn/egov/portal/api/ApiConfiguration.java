package vn.egov.portal.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    RestClient publicApi(RestClient.Builder builder, ApiProperties properties, JsonMapper json) {
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withConnectTimeout(properties.connectTimeout())
                .withReadTimeout(properties.readTimeout());
        return builder.baseUrl(properties.baseUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .defaultHeader(
                        HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                // the API's own texts follow the page's language too (logs, anything shown verbatim later)
                .requestInitializer(request -> request.getHeaders()
                        .set(
                                HttpHeaders.ACCEPT_LANGUAGE,
                                LocaleContextHolder.getLocale().toLanguageTag()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new ApiProblemException(
                            response.getStatusCode().value(), problemCode(json, response.getBody()), null);
                })
                .requestInterceptor((request, body, execution) -> {
                    try {
                        return execution.execute(request, body);
                    } catch (IOException unreachable) {
                        throw new ApiProblemException(503, ApiProblemException.UNREACHABLE, unreachable);
                    }
                })
                .build();
    }

    /** The problem's stable code; a body that is not a problem document (a proxy's page) counts as unknown. */
    private static String problemCode(JsonMapper json, InputStream body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode code = node == null ? null : node.get("code");
            return code != null && code.isString() ? code.asString() : "unknown";
        } catch (RuntimeException notJson) {
            return "unknown";
        }
    }
}
