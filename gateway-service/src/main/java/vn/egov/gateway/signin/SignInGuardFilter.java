package vn.egov.gateway.signin;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.egov.gateway.caller.Caller;
import vn.egov.gateway.problem.ProblemException;
import vn.egov.gateway.problem.Problems;
import vn.egov.gateway.redis.SharedRedis;

/**
 * Keycloak's password form, guarded per account and client address ({@link SignInFailures}): a stranger's wrong
 * passwords pause the stranger's address for that account, not the account. Keycloak counts wrong passwords per
 * account, whoever types them, and locks the account for everyone; here one address reaches that count only with the
 * help of many others. A browser gets the pause as a page ({@link Problems#writeForBrowser}), an API client as a problem.
 *
 * <p>It reads the posted form (at most {@code max-form-size}; larger is 413) for the username, and relays the same
 * bytes. What Keycloak answered is told by its page: a wrong password is the password form again ({@code
 * failed-page-marker}, the form's id; scanned as the page streams through, not held), and the right one is a redirect
 * that sets Keycloak's sign-on cookie, or the next step of a sign-in that goes on past the password ({@code
 * passed-page-markers}: a member of staff's one-time code, say). An answer not seen whole counts as wrong; anything
 * else (an expired form, an error) counts neither way. The
 * request goes without {@code Accept-Encoding} so the page comes uncompressed. A paused address gets 429
 * {@code sign-in-paused} with {@code Retry-After}, and Keycloak never sees the attempt.
 *
 * <p>Account and address are kept only as a digest, and never logged. Counts are shared by every gateway instance in
 * Redis when {@code EGOV_REDIS_URL} is set ({@link RedisSignInCounts}), else this instance's own.
 */
@Component
class SignInGuardFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SignInGuardFilter.class);

    private final SignInGuardProperties properties;
    private final SignInCounts counts;
    private final Problems problems;
    private final PathPattern form;

    SignInGuardFilter(SignInGuardProperties properties, Problems problems, ObjectProvider<SharedRedis> redis) {
        this.properties = properties;
        this.problems = problems;
        this.form = PathPatternParser.defaultInstance.parse(properties.path());
        SignInFailures inMemory = new SignInFailures(
                properties.failuresBeforePause(),
                properties.firstPause(),
                properties.longestPause(),
                properties.forgetAfter(),
                properties.maxKeys(),
                System::nanoTime);
        SharedRedis shared = redis.getIfAvailable();
        this.counts = shared == null ? inMemory : new RedisSignInCounts(shared, properties.redisKeyPrefix(), inMemory);
        log.info(
                "Sign-in guard: wrong passwords counted per account and address {}",
                shared == null ? "in memory, per gateway instance" : "in Redis, shared by every instance");
    }

    @Override
    public int getOrder() {
        return -70; // after RateLimitFilter (-80): an address over its sign-in quota is refused before its form is read
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled() || !HttpMethod.POST.equals(request.getMethod())) {
            return chain.filter(exchange);
        }
        PathPattern.PathMatchInfo match = form.matchAndExtract(request.getPath().pathWithinApplication());
        MediaType type = request.getHeaders().getContentType();
        if (match == null || type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        String realm = match.getUriVariables().getOrDefault("realm", "");
        Charset charset = type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return DataBufferUtils.join(
                        request.getBody(), (int) properties.maxFormSize().toBytes())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"))
                .flatMap(body -> guard(exchange, chain, realm, body, charset));
    }

    private Mono<Void> guard(
            ServerWebExchange exchange, WebFilterChain chain, String realm, byte[] body, Charset charset) {
        ServerHttpRequest replayed = replay(exchange, body);
        String username = firstValue(new String(body, charset), "username", charset);
        if (username == null || username.isBlank()) {
            // no username: another step of the form (a one-time code, a password for an account already named)
            return chain.filter(exchange.mutate().request(replayed).build());
        }
        // CallerFilter has settled the caller (and its address, from a trusted proxy's header) before this filter
        Caller caller = Caller.of(exchange);
        String address =
                (caller != null ? caller : Caller.of(null, exchange.getRequest().getRemoteAddress())).address();
        String key = key(realm, username, address);
        return counts.admit(key).flatMap(attempt -> {
            if (!attempt.allowed()) {
                log.debug("Sign-in paused for an account at an address (realm {})", realm);
                exchange.getResponse()
                        .getHeaders()
                        .set(HttpHeaders.RETRY_AFTER, Long.toString(attempt.retryAfterSeconds()));
                return problems.writeForBrowser(
                        exchange, HttpStatus.TOO_MANY_REQUESTS, "sign-in-paused", attempt.retryAfterSeconds());
            }
            Watched response =
                    new Watched(exchange.getResponse(), properties.failedPageMarker(), properties.passedPageMarkers());
            AtomicBoolean finished = new AtomicBoolean();
            return chain.filter(exchange.mutate()
                            .request(replayed)
                            .response(response)
                            .build())
                    .doFinally(signal -> {
                        if (finished.compareAndSet(false, true)) {
                            attempt.finish().accept(response.outcome(properties.signedInCookie()));
                        }
                    });
        });
    }

    /** The same request with its body replayed from {@code body}, asking for an uncompressed answer. */
    private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] body) {
        ServerHttpRequest plain = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.remove(HttpHeaders.ACCEPT_ENCODING))
                .build();
        return new ServerHttpRequestDecorator(plain) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    /**
     * The account typed, as Keycloak looks it up (trimmed, case-insensitive), at the address: a SHA-256 digest, the
     * same in every instance, so that neither the account nor the address is kept in clear.
     */
    static String key(String realm, String username, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realm + "\n" + username.trim().toLowerCase(Locale.ROOT) + "\n" + address)
                            .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first value of {@code name} in an {@code application/x-www-form-urlencoded} body, as Keycloak reads it. */
    static String firstValue(String form, String name, Charset charset) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (name.equals(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset))) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                }
            } catch (IllegalArgumentException malformed) {
                return null; // Keycloak refuses such a form too
            }
        }
        return null;
    }

    /**
     * The response, watched for Keycloak's answer: the password form again, a signed-in redirect, or the next step
     * past a right password.
     */
    private static final class Watched extends ServerHttpResponseDecorator {
        private final MarkerScanner failed;
        private final List<MarkerScanner> passed;
        private volatile boolean scanned;

        Watched(ServerHttpResponse delegate, String failedMarker, List<String> passedMarkers) {
            super(delegate);
            this.failed = new MarkerScanner(failedMarker);
            this.passed = passedMarkers.stream().map(MarkerScanner::new).toList();
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getStatusCode();
            if (status == null || status.value() != 200) {
                return super.writeWith(body);
            }
            return super.writeWith(Flux.from(body)
                    .doOnNext(buffer -> {
                        failed.feed(buffer);
                        passed.forEach(scanner -> scanner.feed(buffer));
                    })
                    .doOnComplete(() -> scanned = true));
        }

        /**
         * A page with the failed marker is a wrong password, and so is an attempt whose answer was not seen whole (the
         * caller hung up, say): Keycloak may have counted it, so it is counted here too, or hanging up would be a way
         * round. A whole page with a passed marker and without the failed one is a right password.
         */
        SignInFailures.Outcome outcome(String signedInCookie) {
            HttpStatusCode status = getStatusCode();
            if (status == null) {
                return SignInFailures.Outcome.FAILED;
            }
            if (status.value() == 200) {
                if (!scanned || failed.found()) {
                    return SignInFailures.Outcome.FAILED;
                }
                return passed.stream().anyMatch(MarkerScanner::found)
                        ? SignInFailures.Outcome.SUCCEEDED
                        : SignInFailures.Outcome.UNKNOWN;
            }
            if (status.is3xxRedirection() && setsCookie(getHeaders(), signedInCookie)) {
                return SignInFailures.Outcome.SUCCEEDED;
            }
            return SignInFailures.Outcome.UNKNOWN;
        }

        private static boolean setsCookie(HttpHeaders headers, String name) {
            return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                    .map(String::trim)
                    .anyMatch(c ->
                            c.startsWith(name + "=") && !c.startsWith(name + "=;") && c.length() > name.length() + 1);
        }
    }
}
