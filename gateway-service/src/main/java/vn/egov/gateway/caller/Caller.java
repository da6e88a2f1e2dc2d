package vn.egov.gateway.caller;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, as far as the edge can tell: a signed-in user (token subject), a client acting on its
 * own behalf (client credentials: its {@code azp}), or an anonymous caller known only by its address.
 * {@code clientId} is the token's {@code azp} for users too (the app they use): it is what the access
 * log may show, whereas {@code subject} and the address never leave the gateway's memory.
 */
public record Caller(Kind kind, String subject, String clientId, String address) {

    public enum Kind {
        USER,
        CLIENT,
        ANONYMOUS
    }

    /** Exchange attribute where {@link CallerFilter} leaves the caller for later filters. */
    public static final String ATTR = Caller.class.getName();

    /** Keycloak names a client's service account {@code service-account-<client id>}. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    public static Caller of(Principal principal, InetSocketAddress remote) {
        String address = remote == null
                ? "unknown"
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String azp = jwt.getClaimAsString("azp");
            String username = jwt.getClaimAsString("preferred_username");
            boolean serviceAccount =
                    jwt.hasClaim("client_id") || (username != null && username.startsWith(SERVICE_ACCOUNT_PREFIX));
            if (serviceAccount) {
                String clientId = azp != null ? azp : jwt.getClaimAsString("client_id");
                return new Caller(Kind.CLIENT, jwt.getSubject(), clientId, address);
            }
            return new Caller(Kind.USER, jwt.getSubject(), azp, address);
        }
        return new Caller(Kind.ANONYMOUS, null, null, address);
    }

    /** The caller settled by {@link CallerFilter}, or {@code null} for requests that never got that far. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTR);
    }
}
