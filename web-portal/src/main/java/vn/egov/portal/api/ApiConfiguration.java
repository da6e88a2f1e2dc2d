package vn.egov.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Anonymous calls: the catalogue, the public lookup, statistics. */
    @Bean
    @Primary
    RestClient publicApi(RestClient.Builder builder, ApiProperties properties, JsonMapper json) {
        return api(builder, properties, json).build();
    }

    /**
     * Calls on the signed-in user's behalf ({@link UserApi}): the user's access token from their session,
     * refreshed with the refresh token when it is about to expire. Without a session's token the call does not
     * leave the portal: Spring Security sends the user to sign in and back to the page.
     */
    @Bean
    @UserApi
    RestClient userApi(
            RestClient.Builder builder,
            ApiProperties properties,
            JsonMapper json,
            OAuth2AuthorizedClientManager authorizedClients,
            OAuth2AuthorizedClientRepository repository) {
        OAuth2ClientHttpRequestInterceptor token = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        token.setClientRegistrationIdResolver(request -> UserApi.REGISTRATION);
        // a token the API refuses (401) or Keycloak will not refresh is dropped from the session
        token.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(repository));
        return api(builder, properties, json).requestInterceptor(token).build();
    }

    private static RestClient.Builder api(RestClient.Builder builder, ApiProperties properties, JsonMapper json) {
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
                // the person's address, not the portal's: the gateway's rate limits and quotas (registration,
                // lookups) count per person when it trusts the portal's hop (GATEWAY_TRUSTED_PROXIES), and ignore
                // the header otherwise, so that every user of the portal shares one bucket as before
                .requestInitializer(request -> {
                    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
                        request.getHeaders()
                                .set("X-Forwarded-For", current.getRequest().getRemoteAddr());
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw problem(json, response.getStatusCode().value(), response.getBody());
                })
                .requestInterceptor((request, body, execution) -> {
                    try {
                        return execution.execute(request, body);
                    } catch (IOException unreachable) {
                        throw new ApiProblemException(503, ApiProblemException.UNREACHABLE, unreachable);
                    }
                });
    }

    /**
     * The problem's stable code and its field errors ({@code errors[]}: field and message); a body that is not a
     * problem document (a proxy's page) counts as unknown, without field errors.
     */
    private static ApiProblemException problem(JsonMapper json, int status, InputStream body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode code = node == null ? null : node.get("code");
            List<ApiProblemException.FieldError> fields = new ArrayList<>();
            JsonNode errors = node == null ? null : node.get("errors");
            if (errors != null && errors.isArray()) {
                for (JsonNode error : errors) {
                    JsonNode field = error.get("field");
                    JsonNode message = error.get("message");
                    if (field != null && field.isString() && message != null && message.isString()) {
                        fields.add(new ApiProblemException.FieldError(field.asString(), message.asString()));
                    }
                }
            }
            return new ApiProblemException(
                    status, code != null && code.isString() ? code.asString() : "unknown", fields, null);
        } catch (RuntimeException notJson) {
            return new ApiProblemException(status, "unknown", null);
        }
    }
}
