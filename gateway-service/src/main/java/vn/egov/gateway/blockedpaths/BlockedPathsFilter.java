package vn.egov.gateway.blockedpaths;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import vn.egov.gateway.problem.ProblemException;

/**
 * Answers 404 {@code not-found} for the {@linkplain BlockedPathsProperties blocked paths}, exactly as for a
 * path no route serves, before edge authentication: whatever the token (none, a bad one, or a service
 * token that identity-service would accept), the request never reaches a service. Services call each
 * other's internal endpoints directly, never through the gateway. Outside the {@code local} profile the
 * {@linkplain BlockedPathsProperties#localOnlyPaths() local-only paths} are blocked too: Keycloak's master
 * realm and admin console stay off the public origin.
 *
 * <p>The path is compared the way a service would resolve it, so that spelling tricks do not slip past:
 * segments percent-decoded, matrix parameters ({@code ;x=y}) dropped, empty and {@code .} segments
 * skipped, {@code ..} applied, and case ignored.
 */
@Component
class BlockedPathsFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BlockedPathsFilter.class);

    private final List<PathPattern> blocked;

    BlockedPathsFilter(BlockedPathsProperties properties, Environment environment) {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        List<String> patterns = new ArrayList<>(properties.blockedPaths());
        if (!environment.acceptsProfiles(Profiles.of("local"))) {
            patterns.addAll(properties.localOnlyPaths());
        }
        this.blocked = patterns.stream().map(parser::parse).toList();
    }

    @Override
    public int getOrder() {
        // after the correlation id, path recorder, access log and X-Road filters; before Spring Security (-100)
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = normalised(exchange.getRequest().getPath().pathWithinApplication());
        for (PathPattern pattern : blocked) {
            if (pattern.matches(path)) {
                log.debug("{} {}: blocked at the edge", exchange.getRequest().getMethod(), pattern.getPatternString());
                return Mono.error(new ProblemException(HttpStatus.NOT_FOUND, "not-found"));
            }
        }
        return chain.filter(exchange);
    }

    static PathContainer normalised(PathContainer path) {
        Deque<String> segments = new ArrayDeque<>();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String value = segment.valueToMatch();
                if (value.isEmpty() || value.equals(".")) {
                    continue;
                }
                if (value.equals("..")) {
                    segments.pollLast();
                } else {
                    segments.addLast(value);
                }
            }
        }
        StringBuilder normalised = new StringBuilder();
        for (String segment : segments) {
            // a decoded '/' inside a segment (%2F) splits it here, as a lenient server would
            normalised.append('/').append(segment);
        }
        return PathContainer.parsePath(normalised.isEmpty() ? "/" : normalised.toString());
    }
}
