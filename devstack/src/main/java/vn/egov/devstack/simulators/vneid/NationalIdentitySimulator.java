package vn.egov.devstack.simulators.vneid;

import static vn.egov.devstack.simulators.SimulatorJson.quote;
import static vn.egov.devstack.simulators.SimulatorJson.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.simulators.SimulatorBinding;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator.Resident;

/**
 * A stand-in for the national electronic identity (VNeID, levels of Nghị định 69/2024/NĐ-CP) as an OpenID
 * Connect provider: the residents of {@link PopulationRegistrySimulator} (the same seed: both simulators describe
 * the same people) sign in here, and Keycloak brokers it as the identity provider {@code vneid}. A minimal but
 * real provider: authorization code flow with PKCE (S256), state and nonce, registered clients each with a secret
 * and exact redirect URIs (Keycloak's broker, and identity-service's recovery of a squatted CCCD, decision 63), RS256 ID tokens signed with a key generated at start and published as JWKS. Plain JDK
 * HTTP server on 127.0.0.1, port {@value #DEFAULT_PORT} by default.
 *
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration}, {@code GET /jwks}</li>
 *   <li>{@code GET /authorize}: a plain page where the tester picks a resident (the real provider would ask for
 *       the app's confirmation); {@code login_hint=<CCCD>} of a known resident approves at once, so tests and
 *       scripts need no page (the simulator's shortcut; the real provider has none)</li>
 *   <li>{@code POST /token} (client secret, basic or in the form), {@code GET /userinfo} (Bearer)</li>
 *   <li>{@code GET /api/v1/identities/sample?limit=N} → residents with their level, {@code GET /health}</li>
 * </ul>
 * Claims: {@code sub} (stable per resident, not the CCCD), {@code cccd}, {@code name}, {@code given_name},
 * {@code family_name}, {@code birthdate}, {@code gender}, {@code email}, {@code loa} (1 or 2, a number) and
 * {@code acr} ({@code loa1}/{@code loa2}). The demo citizen and three residents in four have level 2; every fourth
 * generated resident has only level 1 (an account not activated at the police station).
 */
public final class NationalIdentitySimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8094;
    public static final String DEFAULT_CLIENT_ID = "egov-keycloak";
    public static final String DEFAULT_CLIENT_SECRET = "vneid-dev-secret";
    /** Keycloak's broker endpoint for {@code vneid} behind the gateway of a local run. */
    public static final String DEFAULT_REDIRECT_URI = "http://127.0.0.1:8080/auth/realms/egov/broker/vneid/endpoint";
    /** identity-service's own client, used only to prove a CCCD's owner for its recovery (decision 63). */
    public static final String RECOVERY_CLIENT_ID = "egov-recovery";

    public static final String RECOVERY_CLIENT_SECRET = "vneid-recovery-dev-secret";
    /** identity-service's recovery callback behind the gateway of a local run. */
    public static final String RECOVERY_REDIRECT_URI =
            "http://127.0.0.1:8080/api/v1/identity/national-id-recovery/callback";

    /** A registered client: its secret and its exact redirect URIs. */
    private record Client(String secret, Set<String> redirectUris) {}

    /** A resident as the national identity knows them, with the level of their electronic identity. */
    public record Identity(Resident resident, int level) {
        public Identity {
            if (level != 1 && level != 2) {
                throw new IllegalArgumentException("level 1 or 2: " + level);
            }
        }
    }

    private record PendingCode(
            String clientId,
            Identity identity,
            String redirectUri,
            String nonce,
            String codeChallenge,
            String codeChallengeMethod,
            Instant expires) {}

    private record IssuedToken(Identity identity, Instant expires) {}

    private static final Logger log = LoggerFactory.getLogger(NationalIdentitySimulator.class);
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom random = new SecureRandom();

    private final int requestedPort;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final List<Identity> generated;
    private final Map<String, Identity> identities = new ConcurrentHashMap<>();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final KeyPair keys;
    private final String keyId;
    private volatile String issuer;
    private HttpServer server;

    public NationalIdentitySimulator(int port) {
        this(
                port,
                PopulationRegistrySimulator.DEFAULT_SEED,
                DEFAULT_CLIENT_ID,
                DEFAULT_CLIENT_SECRET,
                Set.of(DEFAULT_REDIRECT_URI));
    }

    public NationalIdentitySimulator(
            int port, long seed, String clientId, String clientSecret, Set<String> redirectUris) {
        this.requestedPort = port;
        clients.put(clientId, new Client(clientSecret, Set.copyOf(redirectUris)));
        this.generated = generate(seed);
        generated.forEach(i -> identities.put(i.resident().nationalId(), i));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.keyId = "vneid-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers one more client (its id, secret and exact redirect URIs); replaces one of the same id. */
    public NationalIdentitySimulator client(String id, String secret, Set<String> redirectUris) {
        clients.put(id, new Client(secret, Set.copyOf(redirectUris)));
        return this;
    }

    /** The population simulator's residents of the same seed, in its order, each with a level. */
    public static List<Identity> generate(long seed) {
        List<Resident> residents =
                PopulationRegistrySimulator.generate(seed, PopulationRegistrySimulator.DEFAULT_RESIDENTS);
        List<Identity> out = new ArrayList<>(residents.size());
        for (int i = 0; i < residents.size(); i++) {
            // index 0 is the demo citizen (level 2); every fourth after it has level 1
            out.add(new Identity(residents.get(i), i > 0 && i % 4 == 0 ? 1 : 2));
        }
        return List.copyOf(out);
    }

    public synchronized NationalIdentitySimulator start() throws IOException {
        if (server != null) {
            return this;
        }
        server = HttpServer.create(new InetSocketAddress(SimulatorBinding.address(), requestedPort), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "national-identity");
            t.setDaemon(true);
            return t;
        }));
        if (issuer == null) {
            issuer = baseUrl();
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", ex -> respond(ex, 200, jwks()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userinfo);
        server.createContext("/api/v1/identities/sample", this::sample);
        server.createContext(
                "/health", ex -> respond(ex, 200, "{\"status\":\"UP\",\"identities\":" + identities.size() + "}"));
        server.start();
        log.info(
                "National identity simulator on {} with {} residents, clients {}",
                baseUrl(),
                identities.size(),
                clients.keySet());
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        return server != null ? server.getAddress().getPort() : requestedPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The {@code iss} of its tokens: its base URL unless set (a container's name, as others reach it). */
    public String issuer() {
        return issuer != null ? issuer : baseUrl();
    }

    public NationalIdentitySimulator issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public List<Identity> identities() {
        return generated;
    }

    public void addIdentity(Identity identity) {
        identities.put(identity.resident().nationalId(), identity);
    }

    /** The stable subject of a resident: not the CCCD itself, the same on every sign-in and every start. */
    public static String subject(String nationalId) {
        return UUID.nameUUIDFromBytes(("vneid:" + nationalId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // ------------------------------------------------------------------ handlers

    private void discovery(HttpExchange ex) throws IOException {
        String iss = issuer();
        String base = baseUrl();
        respond(
                ex,
                200,
                "{\"issuer\":" + quote(iss)
                        + ",\"authorization_endpoint\":" + quote(base + "/authorize")
                        + ",\"token_endpoint\":" + quote(base + "/token")
                        + ",\"userinfo_endpoint\":" + quote(base + "/userinfo")
                        + ",\"jwks_uri\":" + quote(base + "/jwks")
                        + ",\"response_types_supported\":[\"code\"]"
                        + ",\"grant_types_supported\":[\"authorization_code\"]"
                        + ",\"subject_types_supported\":[\"public\"]"
                        + ",\"id_token_signing_alg_values_supported\":[\"RS256\"]"
                        + ",\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]"
                        + ",\"code_challenge_methods_supported\":[\"S256\",\"plain\"]"
                        + ",\"scopes_supported\":[\"openid\",\"profile\",\"email\"]"
                        + ",\"claims_supported\":[\"sub\",\"cccd\",\"name\",\"given_name\",\"family_name\","
                        + "\"birthdate\",\"gender\",\"email\",\"loa\",\"acr\"]}");
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":" + quote(keyId)
                + ",\"n\":" + quote(unsigned(key.getModulus())) + ",\"e\":"
                + quote(unsigned(key.getPublicExponent())) + "}]}";
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> p;
        if ("GET".equals(ex.getRequestMethod())) {
            p = form(ex.getRequestURI().getRawQuery());
        } else if ("POST".equals(ex.getRequestMethod())) {
            try (InputStream in = ex.getRequestBody()) {
                p = form(new String(in.readNBytes(16_384), StandardCharsets.UTF_8));
            }
        } else {
            html(ex, 405, "<p>Method not allowed</p>");
            return;
        }
        // an unknown client or redirect URI is never redirected to: the error is shown here (RFC 6749 §4.1.2.1)
        Client registered = p.get("client_id") == null ? null : clients.get(p.get("client_id"));
        if (registered == null) {
            html(ex, 400, "<p>Ứng dụng không được đăng ký (unknown client_id).</p>");
            return;
        }
        String redirectUri = p.get("redirect_uri");
        if (redirectUri == null || !registered.redirectUris().contains(redirectUri)) {
            html(ex, 400, "<p>Địa chỉ chuyển hướng không được đăng ký (redirect_uri not registered).</p>");
            return;
        }
        String state = p.get("state");
        if (!"code".equals(p.get("response_type"))) {
            redirect(ex, redirectUri, Map.of("error", "unsupported_response_type"), state);
            return;
        }
        if (p.get("scope") == null || !List.of(p.get("scope").split(" ")).contains("openid")) {
            redirect(ex, redirectUri, Map.of("error", "invalid_scope"), state);
            return;
        }
        String method = p.get("code_challenge_method");
        if (p.get("code_challenge") != null
                && method != null
                && !Set.of("S256", "plain").contains(method)) {
            redirect(ex, redirectUri, Map.of("error", "invalid_request"), state);
            return;
        }
        String chosen = "POST".equals(ex.getRequestMethod()) ? p.get("cccd") : p.get("login_hint");
        Identity identity = chosen == null ? null : identities.get(chosen.strip());
        if ("POST".equals(ex.getRequestMethod()) && "deny".equals(p.get("action"))) {
            redirect(ex, redirectUri, Map.of("error", "access_denied"), state);
            return;
        }
        if (identity == null) {
            html(ex, 200, pickPage(p, chosen != null && "POST".equals(ex.getRequestMethod())));
            return;
        }
        String code = token();
        codes.put(
                code,
                new PendingCode(
                        p.get("client_id"),
                        identity,
                        redirectUri,
                        p.get("nonce"),
                        p.get("code_challenge"),
                        method == null ? "plain" : method,
                        Instant.now().plus(CODE_LIFETIME)));
        redirect(ex, redirectUri, Map.of("code", code), state);
    }

    private void token(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> p;
        try (InputStream in = ex.getRequestBody()) {
            p = form(new String(in.readNBytes(16_384), StandardCharsets.UTF_8));
        }
        String[] client = clientCredentials(ex, p);
        Client registered = client == null ? null : clients.get(client[0]);
        if (registered == null || !constantTimeEquals(registered.secret(), client[1])) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"vneid\"");
            respond(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"authorization_code".equals(p.get("grant_type"))) {
            respond(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        // single use: a code is removed on its first presentation, right or wrong
        PendingCode pending = p.get("code") == null ? null : codes.remove(p.get("code"));
        if (pending == null
                || !pending.clientId().equals(client[0])
                || Instant.now().isAfter(pending.expires())
                || !pending.redirectUri().equals(p.get("redirect_uri"))) {
            respond(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (pending.codeChallenge() != null && !pkceMatches(pending, p.get("code_verifier"))) {
            respond(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        String accessToken = token();
        tokens.put(
                accessToken, new IssuedToken(pending.identity(), Instant.now().plus(TOKEN_LIFETIME)));
        respond(
                ex,
                200,
                "{\"access_token\":" + quote(accessToken) + ",\"token_type\":\"Bearer\",\"expires_in\":"
                        + TOKEN_LIFETIME.toSeconds() + ",\"scope\":\"openid profile email\",\"id_token\":"
                        + quote(idToken(pending.clientId(), pending.identity(), pending.nonce())) + "}");
    }

    private void userinfo(HttpExchange ex) throws IOException {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        IssuedToken issued = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.get(authorization.substring(7).strip())
                : null;
        if (issued == null || Instant.now().isAfter(issued.expires())) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            respond(ex, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        respond(ex, 200, "{" + claims(issued.identity()) + "}");
    }

    private void sample(HttpExchange ex) throws IOException {
        int limit = vn.egov.devstack.simulators.SimulatorJson.limit(ex, 20);
        List<String> items = new ArrayList<>();
        generated.stream()
                .limit(limit)
                .forEach(i -> items.add("{\"cccd\":" + quote(i.resident().nationalId()) + ",\"name\":"
                        + quote(i.resident().fullName()) + ",\"level\":" + i.level() + "}"));
        respond(ex, 200, "[" + String.join(",", items) + "]");
    }

    // ------------------------------------------------------------------ tokens

    private String idToken(String audience, Identity identity, String nonce) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":" + quote(issuer()) + ",\"aud\":" + quote(audience) + ",\"iat\":" + now
                + ",\"exp\":" + (now + TOKEN_LIFETIME.toSeconds()) + ",\"auth_time\":" + now
                + (nonce == null ? "" : ",\"nonce\":" + quote(nonce)) + "," + claims(identity) + "}";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + quote(keyId) + "}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resident's claims, without braces (shared by the ID token and userinfo). */
    private static String claims(Identity identity) {
        Resident r = identity.resident();
        String name = r.fullName().strip();
        int space = name.lastIndexOf(' ');
        String family = space > 0 ? name.substring(0, space) : "";
        String given = space > 0 ? name.substring(space + 1) : name;
        return "\"sub\":" + quote(subject(r.nationalId())) + ",\"cccd\":" + quote(r.nationalId()) + ",\"name\":"
                + quote(name) + ",\"given_name\":" + quote(given) + ",\"family_name\":" + quote(family)
                + ",\"birthdate\":" + quote(r.dateOfBirth().toString()) + ",\"gender\":"
                + quote(r.sex().toLowerCase(java.util.Locale.ROOT)) + ",\"email\":"
                + quote(r.nationalId() + "@vneid.test") + ",\"email_verified\":true,\"loa\":" + identity.level()
                + ",\"acr\":" + quote("loa" + identity.level());
    }

    private static boolean pkceMatches(PendingCode pending, String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return false;
        }
        String expected;
        if ("S256".equals(pending.codeChallengeMethod())) {
            try {
                expected = base64(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        } else {
            expected = verifier;
        }
        return constantTimeEquals(expected, pending.codeChallenge());
    }

    /** {@code client_secret_basic} or {@code client_secret_post}; null when neither is there. */
    private static String[] clientCredentials(HttpExchange ex, Map<String, String> form) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            // RFC 6749 §2.3.1: both parts are form-encoded before the Basic encoding
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        }
        if (form.get("client_id") != null && form.get("client_secret") != null) {
            return new String[] {form.get("client_id"), form.get("client_secret")};
        }
        return null;
    }

    // ------------------------------------------------------------------ pages and plumbing

    private String pickPage(Map<String, String> p, boolean unknown) {
        StringBuilder options = new StringBuilder();
        generated.stream()
                .limit(20)
                .forEach(i -> options.append("<option value=\"")
                        .append(i.resident().nationalId())
                        .append("\">")
                        .append(escape(i.resident().fullName()))
                        .append(" — ")
                        .append(i.resident().nationalId())
                        .append(" (mức ")
                        .append(i.level())
                        .append(")</option>"));
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of(
                "client_id",
                "redirect_uri",
                "response_type",
                "scope",
                "state",
                "nonce",
                "code_challenge",
                "code_challenge_method")) {
            if (p.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(name)
                        .append("\" value=\"")
                        .append(escape(p.get(name)))
                        .append("\">");
            }
        }
        return "<h1>VNeID (mô phỏng)</h1><p>Đăng nhập bằng tài khoản định danh điện tử — môi trường thử nghiệm, dữ liệu"
                + " tổng hợp.</p>" + (unknown ? "<p role=\"alert\">Không tìm thấy số định danh cá nhân.</p>" : "")
                + "<form method=\"post\" action=\"/authorize\">" + hidden
                // the typed number first: the form parser keeps the first value that is not blank
                + "<label>Số định danh cá nhân <input name=\"cccd\" inputmode=\"numeric\" pattern=\"[0-9]{12}\">"
                + "</label> <label>hoặc cư dân <select name=\"cccd\">" + options + "</select></label>"
                + " <button name=\"action\" value=\"approve\">Xác nhận</button>"
                + " <button name=\"action\" value=\"deny\">Từ chối</button></form>";
    }

    private static void html(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>VNeID (mô phỏng)</title>"
                        + "<body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        try {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the browser left
        } finally {
            ex.close();
        }
    }

    private static void redirect(HttpExchange ex, String redirectUri, Map<String, String> params, String state)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) {
            all.put("state", state);
        }
        List<String> pairs = new ArrayList<>();
        all.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        ex.getResponseHeaders()
                .set("Location", redirectUri + (redirectUri.contains("?") ? "&" : "?") + String.join("&", pairs));
        respond(ex, 302, null);
    }

    /** Parses {@code application/x-www-form-urlencoded}; the first value of a repeated name that is not blank. */
    static Map<String, String> form(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isBlank() || !out.containsKey(key)) {
                out.merge(key, value, (old, v) -> old.isBlank() ? v : old);
            }
        }
        return out;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return base64(bytes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return base64(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ------------------------------------------------------------------ main

    /**
     * {@code --port N} (8094), {@code --seed S} (the population's), {@code --client-id}, {@code --client-secret},
     * {@code --redirect-uri U} (repeatable; Keycloak's broker endpoint of a local run by default), {@code --issuer}
     * (its own URL by default), {@code --recovery-client-secret}, {@code --recovery-redirect-uri U} (repeatable;
     * identity-service's recovery client {@value #RECOVERY_CLIENT_ID} is always registered, with the local run's
     * callback by default); runs until stopped.
     */
    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        long seed = PopulationRegistrySimulator.DEFAULT_SEED;
        String id = DEFAULT_CLIENT_ID;
        String secret = DEFAULT_CLIENT_SECRET;
        Set<String> redirects = new java.util.LinkedHashSet<>();
        String recoverySecret = RECOVERY_CLIENT_SECRET;
        Set<String> recoveryRedirects = new java.util.LinkedHashSet<>();
        String iss = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--client-id" -> id = args[++i];
                case "--client-secret" -> secret = args[++i];
                case "--redirect-uri" -> redirects.add(args[++i]);
                case "--issuer" -> iss = args[++i];
                case "--recovery-client-secret" -> recoverySecret = args[++i];
                case "--recovery-redirect-uri" -> recoveryRedirects.add(args[++i]);
                default -> {
                    System.err.println("usage: NationalIdentitySimulator [--port N] [--seed S] [--client-id ID]"
                            + " [--client-secret S] [--redirect-uri U]... [--issuer URL] [--recovery-client-secret S]"
                            + " [--recovery-redirect-uri U]...");
                    System.exit(2);
                }
            }
        }
        if (redirects.isEmpty()) {
            redirects.add(DEFAULT_REDIRECT_URI);
        }
        if (recoveryRedirects.isEmpty()) {
            recoveryRedirects.add(RECOVERY_REDIRECT_URI);
        }
        NationalIdentitySimulator simulator = new NationalIdentitySimulator(port, seed, id, secret, redirects)
                .client(RECOVERY_CLIENT_ID, recoverySecret, recoveryRedirects)
                .issuer(iss)
                .start();
        SimulatorBinding.runUntilStopped(simulator::stop, "national-identity");
    }
}
