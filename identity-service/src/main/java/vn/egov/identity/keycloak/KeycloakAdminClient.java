package vn.egov.identity.keycloak;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import vn.egov.commons.security.ServiceTokens;

/**
 * The few Keycloak admin REST calls identity-service needs, made with its own service account
 * (client credentials through Spring Security's OAuth2 client: registration {@value #REGISTRATION} in
 * application.yml, the token kept until 30 s before it expires). Plain {@link RestClient} on purpose: the
 * keycloak-admin-client library drags in RESTEasy and Jackson 2.
 */
@Component
public class KeycloakAdminClient {

    /** {@code spring.security.oauth2.client.registration.identity-service}: the realm's client identity-service. */
    static final String REGISTRATION = "identity-service";

    /** A user to create; {@code attributes} are the realm's user-profile attributes (single values). */
    public record NewUser(
            String username,
            String email,
            String firstName,
            String lastName,
            Map<String, String> attributes,
            String password,
            boolean temporaryPassword) {}

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private final KeycloakAdminProperties properties;
    private final RestClient http;
    private final ServiceTokens tokens;

    public KeycloakAdminClient(KeycloakAdminProperties properties, RestClient.Builder builder, ServiceTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
        // the JDK's client, set up by Boot: one place for timeouts, no hand-built java.net.http client
        ClientHttpRequestFactory requests = ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout()));
        this.http = builder.clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(requests)
                .build();
    }

    /** Creates an enabled user with a password; answers the new user's id. */
    public String createUser(NewUser user) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        user.attributes().forEach((k, v) -> attributes.put(k, List.of(v)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("enabled", true);
        body.put("email", user.email());
        body.put("emailVerified", false);
        body.put("firstName", user.firstName());
        body.put("lastName", user.lastName());
        body.put("attributes", attributes);
        body.put(
                "credentials",
                List.of(Map.of("type", "password", "value", user.password(), "temporary", user.temporaryPassword())));
        ResponseEntity<Void> created = call(() -> http.post()
                .uri("/admin/realms/{realm}/users", properties.realm())
                .headers(this::authorise)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity());
        URI location = Objects.requireNonNull(created.getHeaders().getLocation(), "Keycloak answered no Location");
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public void assignRealmRole(String userId, String roleName) {
        Map<String, Object> role = call(() -> http.get()
                .uri("/admin/realms/{realm}/roles/{role}", properties.realm(), roleName)
                .headers(this::authorise)
                .retrieve()
                .body(MAP));
        Map<String, Object> mapping = Map.of("id", role.get("id"), "name", role.get("name"));
        call(() -> http.post()
                .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
                .headers(this::authorise)
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(mapping))
                .retrieve()
                .toBodilessEntity());
    }

    /** Sets one user-profile attribute, keeping the others (Keycloak replaces the whole attribute map on update). */
    public void setAttribute(String userId, String name, String value) {
        update(userId, user -> attributesOf(user).put(name, List.of(value)));
    }

    /**
     * Changes a user's email and its verified flag and/or user-profile attributes in one update (null
     * email: left as it is; an attribute mapped to null: removed). A 409 means another user has the email.
     */
    public void updateContact(
            String userId, String email, Boolean emailVerified, Map<String, String> attributeChanges) {
        update(userId, user -> {
            if (email != null) {
                user.put("email", email);
            }
            if (emailVerified != null) {
                user.put("emailVerified", emailVerified);
            }
            Map<String, Object> attributes = attributesOf(user);
            attributeChanges.forEach((name, value) -> {
                if (value == null) {
                    attributes.remove(name);
                } else {
                    attributes.put(name, List.of(value));
                }
            });
        });
    }

    /** Ids of users whose email is exactly this one (Keycloak compares addresses case-insensitively). */
    @SuppressWarnings("unchecked")
    public List<String> findUserIdsByEmail(String email) {
        List<Map<String, Object>> users = call(() -> http.get()
                .uri("/admin/realms/{realm}/users?email={e}&exact=true", properties.realm(), email)
                .headers(this::authorise)
                .retrieve()
                .body(List.class));
        List<String> ids = new ArrayList<>();
        users.forEach(u -> ids.add(String.valueOf(u.get("id"))));
        return ids;
    }

    /** Deletes a user; a user that is already gone counts as deleted. */
    public void deleteUser(String userId) {
        try {
            call(() -> http.delete()
                    .uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                    .headers(this::authorise)
                    .retrieve()
                    .toBodilessEntity());
        } catch (KeycloakException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** The user's representation (id, username, names, email, enabled, attributes), or empty when there is none. */
    public java.util.Optional<Map<String, Object>> findUser(String userId) {
        try {
            return java.util.Optional.ofNullable(call(() -> http.get()
                    .uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                    .headers(this::authorise)
                    .retrieve()
                    .body(MAP)));
        } catch (KeycloakException e) {
            if (e.status() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    /** Users whose attribute has exactly this value (Keycloak's {@code q=name:value} search), paged. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findUsersByAttribute(String name, String value, int first, int max) {
        List<Map<String, Object>> users = call(() -> http.get()
                .uri(
                        "/admin/realms/{realm}/users?q={q}&first={first}&max={max}&briefRepresentation=false",
                        properties.realm(),
                        name + ":" + value,
                        first,
                        max)
                .headers(this::authorise)
                .retrieve()
                .body(List.class));
        return users == null ? List.of() : users;
    }

    public long countUsersByAttribute(String name, String value) {
        Number n = call(() -> http.get()
                .uri("/admin/realms/{realm}/users/count?q={q}", properties.realm(), name + ":" + value)
                .headers(this::authorise)
                .retrieve()
                .body(Integer.class));
        return n == null ? 0 : n.longValue();
    }

    public void setEnabled(String userId, boolean enabled) {
        update(userId, user -> user.put("enabled", enabled));
    }

    /** The identity providers a user is linked to ({@code vneid}, …); empty for a local account. */
    @SuppressWarnings("unchecked")
    public List<String> federatedIdentityProviders(String userId) {
        List<Map<String, Object>> links = call(() -> http.get()
                .uri("/admin/realms/{realm}/users/{id}/federated-identity", properties.realm(), userId)
                .headers(this::authorise)
                .retrieve()
                .body(List.class));
        List<String> providers = new ArrayList<>();
        if (links != null) {
            links.forEach(l -> providers.add(String.valueOf(l.get("identityProvider"))));
        }
        return providers;
    }

    /** The names of the realm roles mapped to a user directly or through a composite (effective roles). */
    @SuppressWarnings("unchecked")
    public List<String> effectiveRealmRoles(String userId) {
        List<Map<String, Object>> roles = call(() -> http.get()
                .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm/composite", properties.realm(), userId)
                .headers(this::authorise)
                .retrieve()
                .body(List.class));
        List<String> names = new ArrayList<>();
        if (roles != null) {
            roles.forEach(r -> names.add(String.valueOf(r.get("name"))));
        }
        return names;
    }

    /**
     * Takes an account out of use in one update: disabled, its username replaced by {@code newUsername} (so the
     * old one can be taken by another account) and the listed attributes removed; the rest of it is kept.
     */
    public void retire(String userId, String newUsername, List<String> attributesToRemove) {
        update(userId, user -> {
            user.put("enabled", false);
            user.put("username", newUsername);
            attributesToRemove.forEach(attributesOf(user)::remove);
        });
    }

    /**
     * Reads a user's whole representation, lets {@code change} edit it, and writes it back in one update (Keycloak
     * replaces what it is given: a field left out would be cleared). No user: {@link KeycloakException} 404.
     */
    private void update(String userId, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> user = new LinkedHashMap<>(call(() -> http.get()
                .uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .headers(this::authorise)
                .retrieve()
                .body(MAP)));
        change.accept(user);
        call(() -> http.put()
                .uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .headers(this::authorise)
                .contentType(MediaType.APPLICATION_JSON)
                .body(user)
                .retrieve()
                .toBodilessEntity());
    }

    /** The representation's attributes as a mutable copy put in their place (so a change to it is written back). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributesOf(Map<String, Object> user) {
        Map<String, Object> copy =
                new LinkedHashMap<>((Map<String, Object>) Objects.requireNonNullElse(user.get("attributes"), Map.of()));
        user.put("attributes", copy);
        return copy;
    }

    /** A token of identity-service's service account for the admin API (for the guard's look at the live realm). */
    public String serviceAccountToken() {
        return tokens.accessToken(REGISTRATION);
    }

    /** The realm in the admin API, e.g. {@code http://keycloak:8180/auth/admin/realms/egov}. */
    public String adminRealmUrl() {
        return properties.baseUrl() + "/admin/realms/" + properties.realm();
    }

    /** Ends every session of a user (its refresh tokens stop working). */
    public void logout(String userId) {
        call(() -> http.post()
                .uri("/admin/realms/{realm}/users/{id}/logout", properties.realm(), userId)
                .headers(this::authorise)
                .retrieve()
                .toBodilessEntity());
    }

    /** Ids of users whose username is exactly this one (zero or one). */
    @SuppressWarnings("unchecked")
    public List<String> findUserIdsByUsername(String username) {
        List<Map<String, Object>> users = call(() -> http.get()
                .uri("/admin/realms/{realm}/users?username={u}&exact=true", properties.realm(), username)
                .headers(this::authorise)
                .retrieve()
                .body(List.class));
        List<String> ids = new ArrayList<>();
        users.forEach(u -> ids.add(String.valueOf(u.get("id"))));
        return ids;
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 401) {
                tokens.invalidate(REGISTRATION); // revoked or expired early: the next call fetches a new one
            }
            throw translate(e.getStatusCode(), e.getResponseBodyAsString(), e);
        } catch (ResourceAccessException e) {
            throw new KeycloakException(KeycloakException.Kind.UNAVAILABLE, 0, "Keycloak did not answer", e);
        }
    }

    static KeycloakException translate(HttpStatusCode status, String body, Throwable cause) {
        String text = body == null ? "" : body;
        // Keycloak's messages: "User exists with same username", "... same email", "Password policy not met",
        // invalidPassword*Message
        KeycloakException.Kind kind;
        if (status.value() == 409) {
            kind = KeycloakException.Kind.CONFLICT;
        } else if (status.value() == 400 && text.toLowerCase(Locale.ROOT).contains("password")) {
            kind = KeycloakException.Kind.PASSWORD_POLICY;
        } else if (status.is4xxClientError()) {
            kind = KeycloakException.Kind.REJECTED;
        } else {
            kind = KeycloakException.Kind.UNAVAILABLE;
        }
        return new KeycloakException(kind, status.value(), "Keycloak answered " + status.value() + ": " + text, cause);
    }

    private void authorise(HttpHeaders headers) {
        headers.setBearerAuth(accessToken());
    }

    /** The service account's token, from Spring Security's OAuth2 client (registration {@value #REGISTRATION}). */
    private String accessToken() {
        try {
            return tokens.accessToken(REGISTRATION);
        } catch (OAuth2AuthorizationException e) {
            throw new KeycloakException(
                    KeycloakException.Kind.UNAVAILABLE,
                    0,
                    "identity-service could not get its service-account token: "
                            + e.getError().getErrorCode(),
                    e);
        }
    }
}
