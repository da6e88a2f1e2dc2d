package vn.egov.gateway.apidocs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route filter {@code ApiDocsSecurity} on the services' OpenAPI documents: adds the two ways to get a
 * token from the realm, so that "Authorize" in the gateway's Swagger UI works for every service:
 * {@code oidc} (OpenID Connect discovery: authorization code with PKCE, for users through the
 * {@code swagger-ui} client, see {@code springdoc.swagger-ui.oauth}) and {@code ministry} (OAuth2
 * client credentials at the realm's token endpoint). Schemes a service already declares are kept;
 * the document-wide {@code security} is set only if the service set none (either scheme is enough).
 * The document's {@code servers} are replaced by this gateway: services are not reachable from outside.
 * Bodies that are not a successful JSON object pass unchanged.
 */
@Component
class ApiDocsSecurityGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String USER_SCHEME = "oidc";
    static final String MINISTRY_SCHEME = "ministry";
    private static final Logger log = LoggerFactory.getLogger(ApiDocsSecurityGatewayFilterFactory.class);

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final ApiDocsProperties properties;
    private final JsonMapper json;

    ApiDocsSecurityGatewayFilterFactory(
            ModifyResponseBodyGatewayFilterFactory modifyResponseBody, ApiDocsProperties properties, JsonMapper json) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object ignored) {
        ModifyResponseBodyGatewayFilterFactory.Config config = new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, body) -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    if (body == null || status == null || !status.is2xxSuccessful()) {
                        return Mono.justOrEmpty(body);
                    }
                    return Mono.just(withSecuritySchemes(body));
                });
        return modifyResponseBody.apply(config);
    }

    String withSecuritySchemes(String document) {
        JsonNode tree;
        try {
            tree = json.readTree(document);
        } catch (RuntimeException notJson) {
            log.warn("API document is not JSON, passed on unchanged: {}", notJson.toString());
            return document;
        }
        if (!(tree instanceof ObjectNode root)) {
            return document;
        }
        // springdoc at a service writes its own address here ("Generated server url"), which a browser
        // cannot reach and the CSP (connect-src 'self') forbids: calls go through this gateway, the
        // origin the document was loaded from (relative, so it holds behind TLS and proxies too).
        root.putArray("servers").addObject().put("url", "/").put("description", "API gateway");
        ObjectNode schemes = root.withObject("/components/securitySchemes");
        if (!schemes.has(USER_SCHEME)) {
            schemes.putObject(USER_SCHEME)
                    .put("type", "openIdConnect")
                    .put("openIdConnectUrl", properties.issuer() + "/.well-known/openid-configuration")
                    .put(
                            "description",
                            "Citizens and officers: sign in with Keycloak (authorization code + PKCE, client swagger-ui).");
        }
        if (!schemes.has(MINISTRY_SCHEME)) {
            ObjectNode flow = schemes.putObject(MINISTRY_SCHEME)
                    .put("type", "oauth2")
                    .put("description", "Ministry systems: client credentials issued by the platform.")
                    .putObject("flows")
                    .putObject("clientCredentials")
                    .put("tokenUrl", properties.issuer() + "/protocol/openid-connect/token");
            ObjectNode scopes = flow.putObject("scopes");
            properties.ministryScopes().forEach(scopes::put);
        }
        if (!root.has("security")) {
            ArrayNode security = root.putArray("security");
            security.addObject().putArray(USER_SCHEME);
            security.addObject().putArray(MINISTRY_SCHEME);
        }
        return json.writeValueAsString(root);
    }
}
