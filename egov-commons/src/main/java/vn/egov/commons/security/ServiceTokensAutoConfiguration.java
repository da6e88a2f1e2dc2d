package vn.egov.commons.security;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Service tokens for a service that declares OAuth2 client registrations (client credentials): an
 * {@link OAuth2AuthorizedClientManager} that works outside any HTTP request (sweepers, Kafka listeners), with
 * timeouts on the token endpoint, and {@link ServiceTokens}. It adds no login of any kind: the services stay
 * resource servers ({@link EgovSecurityAutoConfiguration} keeps its filter chain before Boot's client one).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration")
@ConditionalOnClass(OAuth2AuthorizedClientManager.class)
@ConditionalOnBean(ClientRegistrationRepository.class)
@EnableConfigurationProperties(ServiceTokensAutoConfiguration.TokenEndpointProperties.class)
public class ServiceTokensAutoConfiguration {

    /**
     * {@code egov.security.token-endpoint.*}: timeouts of the calls to the token endpoint, so an identity
     * provider that hangs costs a failed call, not a stuck thread.
     */
    @ConfigurationProperties("egov.security.token-endpoint")
    public record TokenEndpointProperties(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue("30s") Duration renewBefore) {}

    @Bean
    @ConditionalOnMissingBean
    OAuth2AuthorizedClientManager serviceTokenManager(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService clients,
            TokenEndpointProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        RestClientClientCredentialsTokenResponseClient tokenClient =
                new RestClientClientCredentialsTokenResponseClient();
        tokenClient.setRestClient(RestClient.builder()
                .requestFactory(requests)
                // a client span per token fetch, in the trace of the call that needed it (decision 32)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(c -> c.accessTokenResponseClient(tokenClient).clockSkew(properties.renewBefore()))
                .build();
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService clients) {
        return new ServiceTokens(manager, clients);
    }
}
