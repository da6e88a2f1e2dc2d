package vn.egov.devstack.simulators.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.devstack.simulators.registry.PopulationRegistrySimulator;
import vn.egov.devstack.simulators.vneid.NationalIdentitySimulator.Identity;

/**
 * The national identity simulator as a relying party sees it, over HTTP on a free port: discovery, the code flow
 * with PKCE, state and nonce, an ID token whose RS256 signature is checked here against the published JWKS (with
 * the JDK's own RSA, apart from the simulator's code), userinfo, and the refusals a real provider makes.
 */
class NationalIdentitySimulatorTest {

    static final String REDIRECT = "http://127.0.0.1:8080/auth/realms/egov/broker/vneid/endpoint";
    static final String VERIFIER = "a-verifier-long-enough-for-rfc-7636-0123456789-abcdef";

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final ObjectMapper json = new ObjectMapper();
    NationalIdentitySimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = new NationalIdentitySimulator(
                        0, PopulationRegistrySimulator.DEFAULT_SEED, "egov-keycloak", "s3cret", Set.of(REDIRECT))
                .start();
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void theResidentsAreThePopulationRegistrysWithLevelsOneAndTwo() {
        var residents = PopulationRegistrySimulator.generate(
                PopulationRegistrySimulator.DEFAULT_SEED, PopulationRegistrySimulator.DEFAULT_RESIDENTS);
        assertThat(simulator.identities()).extracting(Identity::resident).isEqualTo(residents);
        assertThat(simulator.identities().get(0).resident()).isEqualTo(PopulationRegistrySimulator.DEMO_CITIZEN);
        assertThat(simulator.identities().get(0).level()).isEqualTo(2);
        assertThat(simulator.identities()).extracting(Identity::level).contains(1, 2);
    }

    @Test
    void codeFlowWithPkceGivesASignedIdTokenForTheChosenResident() throws Exception {
        JsonNode discovery = getJson(simulator.baseUrl() + "/.well-known/openid-configuration");
        assertThat(discovery.path("issuer").asText()).isEqualTo(simulator.baseUrl());
        Identity resident = levelOf(2);

        // the page a tester sees, then its form posted with the resident picked
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorizeUrl(discovery, null))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<form", "name=\"cccd\"", resident.resident().nationalId());
        String form = hiddenFields(page.body()) + "&cccd=" + resident.resident().nationalId() + "&action=approve";
        HttpResponse<String> approved = send(HttpRequest.newBuilder(
                        URI.create(discovery.path("authorization_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Map<String, String> callback = callback(approved);
        assertThat(callback.get("state")).isEqualTo("st-1");

        JsonNode tokens = exchange(discovery, callback.get("code"), VERIFIER, "s3cret", true);
        JsonNode idToken = verifiedPayload(tokens.path("id_token").asText(), discovery);
        assertThat(idToken.path("iss").asText()).isEqualTo(simulator.baseUrl());
        assertThat(idToken.path("aud").asText()).isEqualTo("egov-keycloak");
        assertThat(idToken.path("nonce").asText()).isEqualTo("n-1");
        assertThat(idToken.path("cccd").asText()).isEqualTo(resident.resident().nationalId());
        assertThat(idToken.path("name").asText()).isEqualTo(resident.resident().fullName());
        assertThat(idToken.path("birthdate").asText())
                .isEqualTo(resident.resident().dateOfBirth().toString());
        assertThat(idToken.path("loa").isInt()).isTrue();
        assertThat(idToken.path("loa").asInt()).isEqualTo(2);
        assertThat(idToken.path("sub").asText())
                .isEqualTo(NationalIdentitySimulator.subject(resident.resident().nationalId()))
                .isNotEqualTo(resident.resident().nationalId());
        assertThat(idToken.path("exp").asLong())
                .isGreaterThan(idToken.path("iat").asLong());

        HttpResponse<String> userinfo = send(HttpRequest.newBuilder(
                        URI.create(discovery.path("userinfo_endpoint").asText()))
                .header("Authorization", "Bearer " + tokens.path("access_token").asText()));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        JsonNode info = json.readTree(userinfo.body());
        assertThat(info.path("sub").asText()).isEqualTo(idToken.path("sub").asText());
        assertThat(info.path("cccd").asText()).isEqualTo(resident.resident().nationalId());

        // the code is single use
        HttpResponse<String> again = tokenRequest(discovery, callback.get("code"), VERIFIER, "s3cret", false);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json.readTree(again.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void loginHintApprovesAtOnceAndALevelOneResidentIsLevelOne() throws Exception {
        JsonNode discovery = getJson(simulator.baseUrl() + "/.well-known/openid-configuration");
        Identity resident = levelOf(1);
        Map<String, String> callback = callback(send(HttpRequest.newBuilder(
                URI.create(authorizeUrl(discovery, resident.resident().nationalId())))));
        JsonNode idToken = verifiedPayload(
                exchange(discovery, callback.get("code"), VERIFIER, "s3cret", false)
                        .path("id_token")
                        .asText(),
                discovery);
        assertThat(idToken.path("cccd").asText()).isEqualTo(resident.resident().nationalId());
        assertThat(idToken.path("loa").asInt()).isEqualTo(1);
        assertThat(idToken.path("acr").asText()).isEqualTo("loa1");
    }

    @Test
    void wrongSecretWrongVerifierAndUnregisteredRedirectAreRefused() throws Exception {
        JsonNode discovery = getJson(simulator.baseUrl() + "/.well-known/openid-configuration");
        String cccd = levelOf(2).resident().nationalId();

        String code = callback(send(HttpRequest.newBuilder(URI.create(authorizeUrl(discovery, cccd)))))
                .get("code");
        HttpResponse<String> wrongSecret = tokenRequest(discovery, code, VERIFIER, "not-the-secret", true);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrongSecret.body()).path("error").asText()).isEqualTo("invalid_client");

        String code2 = callback(send(HttpRequest.newBuilder(URI.create(authorizeUrl(discovery, cccd)))))
                .get("code");
        HttpResponse<String> wrongVerifier =
                tokenRequest(discovery, code2, VERIFIER.replace('a', 'b'), "s3cret", false);
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongVerifier.body()).path("error").asText()).isEqualTo("invalid_grant");

        // an unregistered redirect URI is not redirected to at all, even with a valid login_hint
        String foreign = authorizeUrl(discovery, cccd)
                .replace(
                        URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8),
                        URLEncoder.encode("https://attacker.example/cb", StandardCharsets.UTF_8));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(foreign)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> unknownClient = send(HttpRequest.newBuilder(
                URI.create(authorizeUrl(discovery, cccd).replace("client_id=egov-keycloak", "client_id=other"))));
        assertThat(unknownClient.statusCode()).isEqualTo(400);

        HttpResponse<String> noToken = send(HttpRequest.newBuilder(
                        URI.create(discovery.path("userinfo_endpoint").asText()))
                .header("Authorization", "Bearer made-up"));
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeIsRedeemedOnlyByTheClientItWasIssuedToAndTheTokenNamesThatClient() throws Exception {
        simulator.client("egov-recovery", "r3cover", Set.of(REDIRECT + "/recovery"));
        JsonNode discovery = getJson(simulator.baseUrl() + "/.well-known/openid-configuration");
        String cccd = levelOf(2).resident().nationalId();

        // egov-keycloak's code presented by egov-recovery with its own right secret: refused, and used up
        String code = callback(send(HttpRequest.newBuilder(URI.create(authorizeUrl(discovery, cccd)))))
                .get("code");
        HttpResponse<String> stolen = send(HttpRequest.newBuilder(
                        URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_verifier="
                        + VERIFIER + "&client_id=egov-recovery&client_secret=r3cover")));
        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(json.readTree(stolen.body()).path("error").asText()).isEqualTo("invalid_grant");

        // the recovery client's own flow, on its own redirect URI only
        String recoveryAuthorize = authorizeUrl(discovery, cccd)
                .replace("client_id=egov-keycloak", "client_id=egov-recovery")
                .replace(
                        URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8),
                        URLEncoder.encode(REDIRECT + "/recovery", StandardCharsets.UTF_8));
        HttpResponse<String> approved = send(HttpRequest.newBuilder(URI.create(recoveryAuthorize)));
        assertThat(approved.statusCode()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "/recovery?code=");
        String recoveryCode = URLDecoder.decode(
                location.substring(location.indexOf("code=") + 5).split("&")[0], StandardCharsets.UTF_8);
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(
                        URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + recoveryCode
                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT + "/recovery", StandardCharsets.UTF_8)
                        + "&code_verifier=" + VERIFIER + "&client_id=egov-recovery&client_secret=r3cover")));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode idToken =
                verifiedPayload(json.readTree(tokens.body()).path("id_token").asText(), discovery);
        assertThat(idToken.path("aud").asText()).isEqualTo("egov-recovery");
        assertThat(idToken.path("cccd").asText()).isEqualTo(cccd);

        // and Keycloak's redirect URI is not the recovery client's
        HttpResponse<String> crossed = send(HttpRequest.newBuilder(URI.create(
                authorizeUrl(discovery, cccd).replace("client_id=egov-keycloak", "client_id=egov-recovery"))));
        assertThat(crossed.statusCode()).isEqualTo(400);
    }

    @Test
    void denyingGoesBackWithAccessDenied() throws Exception {
        JsonNode discovery = getJson(simulator.baseUrl() + "/.well-known/openid-configuration");
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorizeUrl(discovery, null))));
        HttpResponse<String> denied = send(HttpRequest.newBuilder(
                        URI.create(discovery.path("authorization_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(hiddenFields(page.body()) + "&cccd=&action=deny")));
        Map<String, String> callback = callback(denied);
        assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "st-1");
        assertThat(callback).doesNotContainKey("code");
    }

    // ------------------------------------------------------------------ helpers

    Identity levelOf(int level) {
        return simulator.identities().stream()
                .skip(1)
                .filter(i -> i.level() == level)
                .findFirst()
                .orElseThrow();
    }

    String authorizeUrl(JsonNode discovery, String loginHint) throws Exception {
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        return discovery.path("authorization_endpoint").asText() + "?client_id=egov-keycloak&response_type=code"
                + "&scope=openid%20profile&state=st-1&nonce=n-1&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + (loginHint == null ? "" : "&login_hint=" + loginHint);
    }

    static String hiddenFields(String page) {
        var matcher = java.util.regex.Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(page);
        StringBuilder form = new StringBuilder();
        while (matcher.find()) {
            form.append(form.isEmpty() ? "" : "&")
                    .append(matcher.group(1))
                    .append('=')
                    .append(URLEncoder.encode(matcher.group(2).replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static Map<String, String> callback(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    JsonNode exchange(JsonNode discovery, String code, String verifier, String secret, boolean basic) throws Exception {
        HttpResponse<String> response = tokenRequest(discovery, code, verifier, secret, basic);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> tokenRequest(JsonNode discovery, String code, String verifier, String secret, boolean basic)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", verifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(discovery.path("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (basic) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("egov-keycloak:" + secret).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", "egov-keycloak");
            form.put("client_secret", secret);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Checks the RS256 signature with the key of the JWKS named by the token's kid, then decodes the payload. */
    JsonNode verifiedPayload(String jwt, JsonNode discovery) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        JsonNode key = null;
        for (JsonNode k : getJson(discovery.path("jwks_uri").asText()).path("keys")) {
            if (k.path("kid").asText().equals(header.path("kid").asText())) {
                key = k;
            }
        }
        assertThat(key).as("the token's key in the JWKS").isNotNull();
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                        new BigInteger(
                                1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2])))
                .as("signature")
                .isTrue();
        // a changed payload does not verify
        rsa.initVerify(publicKey);
        rsa.update((parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
        return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)));
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
