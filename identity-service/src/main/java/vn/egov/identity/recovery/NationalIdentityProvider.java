package vn.egov.identity.recovery;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The national identity as an OpenID Connect provider, seen from identity-service's recovery client: its endpoints
 * from discovery (read at first use and kept, so the service starts without the provider), the authorization URL
 * the browser is sent to, the code exchange (client secret, PKCE verifier) and the ID token's checks — RS256
 * signature by a key of the provider's JWKS, issuer, audience = this client, expiry, and the nonce of the attempt.
 */
@Component
class NationalIdentityProvider {

    /** A proven identity: the token's subject, the CCCD and the level of assurance (1 or 2). */
    record ProvenIdentity(String subject, String nationalId, int level) {
        @Override
        public String toString() {
            return "ProvenIdentity[subject=" + subject + ", level=" + level + "]";
        }
    }

    /** The provider refused, did not answer, or answered with something that does not prove anything. */
    static final class ProviderException extends RuntimeException {
        ProviderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Endpoints(String authorization, String token, JwtDecoder idTokens) {}

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private final NationalRecoveryProperties properties;
    private final RestClient http;
    private final ClientHttpRequestFactory requests;
    private volatile Endpoints endpoints;

    NationalIdentityProvider(NationalRecoveryProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        this.requests = ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout()));
        this.http = builder.clone().requestFactory(requests).build();
    }

    /** Where the browser goes to prove who it is: the code flow with this attempt's state, nonce and challenge. */
    String authorizationUrl(String state, String nonce, String codeChallenge) {
        return UriComponentsBuilder.fromUriString(endpoints().authorization())
                .queryParam("client_id", properties.clientId())
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", properties.redirectUri())
                .queryParam("state", state)
                .queryParam("nonce", nonce)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .encode()
                .build()
                .toUriString();
    }

    /** Exchanges the code and checks the ID token; throws {@link ProviderException} when it proves nothing. */
    ProvenIdentity redeem(String code, String codeVerifier, String nonce) {
        Endpoints e = endpoints();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", properties.redirectUri());
        form.add("code_verifier", codeVerifier);
        Map<String, Object> tokens;
        try {
            tokens = http.post()
                    .uri(URI.create(e.token()))
                    .headers(h -> h.setBasicAuth(properties.clientId(), properties.clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(MAP);
        } catch (RestClientException ex) {
            throw new ProviderException("the code exchange failed", ex);
        }
        Object idToken = tokens == null ? null : tokens.get("id_token");
        if (!(idToken instanceof String jwt)) {
            throw new ProviderException("the provider answered without an ID token", null);
        }
        Jwt token;
        try {
            token = e.idTokens().decode(jwt);
        } catch (JwtException ex) {
            throw new ProviderException("the ID token did not pass its checks", ex);
        }
        if (nonce == null || !nonce.equals(token.getClaimAsString("nonce"))) {
            throw new ProviderException("the ID token's nonce is not this attempt's", null);
        }
        String nationalId = token.getClaimAsString("cccd");
        Object loa = token.getClaims().get("loa");
        int level = loa instanceof Number n ? n.intValue() : parseLevel(String.valueOf(loa));
        if (nationalId == null || token.getSubject() == null) {
            throw new ProviderException("the ID token names no CCCD or subject", null);
        }
        return new ProvenIdentity(token.getSubject(), nationalId, level);
    }

    private static int parseLevel(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Endpoints endpoints() {
        Endpoints e = endpoints;
        if (e == null) {
            synchronized (this) {
                if (endpoints == null) {
                    endpoints = discover();
                }
                e = endpoints;
            }
        }
        return e;
    }

    private Endpoints discover() {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new ProviderException(
                    "no national identity is configured (egov.identity.national-recovery.issuer-uri)", null);
        }
        String issuer = properties.issuerUri().replaceAll("/+$", "");
        Map<String, Object> discovery;
        try {
            discovery = http.get()
                    .uri(URI.create(issuer + "/.well-known/openid-configuration"))
                    .retrieve()
                    .body(MAP);
        } catch (RestClientException ex) {
            throw new ProviderException("the national identity's discovery document could not be read", ex);
        }
        if (discovery == null || !issuer.equals(discovery.get("issuer"))) {
            throw new ProviderException("the discovery document names another issuer", null);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(String.valueOf(discovery.get("jwks_uri")))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), token -> {
                    List<String> audience = token.getAudience();
                    return audience != null && audience.contains(properties.clientId())
                            ? OAuth2TokenValidatorResult.success()
                            : OAuth2TokenValidatorResult.failure(
                                    new OAuth2Error("invalid_token", "the ID token is not for this client", null));
                }));
        return new Endpoints(
                String.valueOf(discovery.get("authorization_endpoint")),
                String.valueOf(discovery.get("token_endpoint")),
                decoder);
    }
}
