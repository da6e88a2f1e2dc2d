package vn.egov.guard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the realm Keycloak is actually running is fit for production, asked through Keycloak's admin API with a
 * token that may view the realm, its users and its clients (identity-service's service account: view-realm,
 * view-users, view-clients). A realm file checked before import ({@link RealmFileCheck}) says nothing about what an
 * operator imported by hand, what someone changed in the console since, or a compose or dev-mode Keycloak that still
 * has the local realm: this looks at the live one. Refused: the realm's settings that {@link
 * RealmFileCheck#settingsProblems} refuses in a file, any of the local realm's demo accounts ({@link
 * #DEMO_USERNAMES}), and any client that takes passwords directly (the resource owner password grant: the local
 * {@code egov-local-cli}, or Keycloak's own {@code admin-cli} left as a new realm creates it), and a Keycloak that
 * keeps its data in its development database ({@link #serverProblems}). An answer it cannot read is a problem too: a
 * check that cannot look has not passed. Whether Keycloak runs in development mode ({@code kc.sh start-dev}) has no
 * word in the admin API: two of its signs are looked at, its database ({@link #serverProblems}) and its themes served
 * uncached ({@link #themeProblems}).
 */
public final class LiveRealmCheck {

    /** The local realm's demo accounts (devstack's egov-realm.json; DevelopmentValuesTest keeps the list complete). */
    public static final List<String> DEMO_USERNAMES =
            List.of("001090012345", "canbo.motcua", "chuyenvien.pheduyet", "quantri.coquan", "quantri.hethong");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String adminRealmUrl;
    private final String serverInfoUrl;
    private final String accountPageUrl;

    /** A theme file's path in a page, after an optional origin (Keycloak writes them as paths). */
    private static final Pattern THEME_FILE =
            Pattern.compile("(?:https?://[^/\"'\\s]+)?(/[^\"'\\s]*?/resources/[^/\"'\\s]+/[^\"'\\s]+)");

    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d{1,18})");

    /**
     * @param adminRealmUrl the realm in Keycloak's admin API, e.g. {@code http://keycloak:8180/auth/admin/realms/egov}
     */
    public LiveRealmCheck(HttpClient http, String adminRealmUrl) {
        this.http = http;
        this.adminRealmUrl =
                adminRealmUrl.endsWith("/") ? adminRealmUrl.substring(0, adminRealmUrl.length() - 1) : adminRealmUrl;
        int realms = this.adminRealmUrl.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a realm in Keycloak's admin API: " + adminRealmUrl);
        }
        this.serverInfoUrl = this.adminRealmUrl.substring(0, realms) + "/serverinfo";
        int admin = this.adminRealmUrl.lastIndexOf("/admin/realms/");
        String keycloak = admin < 0 ? this.adminRealmUrl.substring(0, realms) : this.adminRealmUrl.substring(0, admin);
        this.accountPageUrl = keycloak + this.adminRealmUrl.substring(realms) + "/account/";
    }

    /** Every problem of the running realm, none when it is fit; {@code token} is a bearer token for the admin API. */
    public List<String> problems(String token) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        JsonNode realm = get(token, "", problems);
        if (realm == null) {
            return problems;
        }
        JsonNode server = get(token, URI.create(serverInfoUrl), "the server's information", problems);
        if (server != null) {
            problems.addAll(serverProblems(server));
        }
        problems.addAll(themeProblems());
        String name = realm.path("realm").asString("?");
        problems.addAll(RealmFileCheck.settingsProblems(realm));
        for (String username : DEMO_USERNAMES) {
            JsonNode users = get(
                    token,
                    "/users?exact=true&briefRepresentation=true&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8),
                    problems);
            if (users != null && !users.isEmpty()) {
                problems.add("realm " + name + ": the local realm's demo account " + username + " exists");
            }
        }
        JsonNode clients = get(token, "/clients?first=0&max=1000", problems);
        if (clients != null) {
            for (JsonNode client : clients) {
                if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                    problems.add("realm " + name + ": client "
                            + client.path("clientId").asString("?")
                            + " accepts passwords directly (direct access grants)");
                }
            }
        }
        return problems;
    }

    /**
     * What Keycloak's server information ({@code /admin/serverinfo}) shows unfit for production: its data in H2, the
     * database of {@code kc.sh start-dev} (its default {@code dev-file}, or {@code dev-mem}), which Keycloak itself
     * supports for development only; it is what docker-compose.yml's and devstack's Keycloak run. A server whose
     * database cannot be told is refused too. A {@code start-dev} on PostgreSQL is told by its themes instead
     * ({@link #themeProblems}).
     */
    static List<String> serverProblems(JsonNode serverInfo) {
        List<String> products = new ArrayList<>();
        for (JsonNode provider :
                serverInfo.path("providers").path("connectionsJpa").path("providers")) {
            String product =
                    provider.path("operationalInfo").path("databaseProduct").asString("");
            if (!product.isBlank()) {
                products.add(product);
            }
        }
        if (products.isEmpty()) {
            return List.of("Keycloak's server information does not say which database it keeps its data in"
                    + " (providers.connectionsJpa); a check that cannot look has not passed");
        }
        return products.stream()
                .filter(product -> product.regionMatches(true, 0, "H2", 0, 2))
                .map(product -> "Keycloak keeps its data in " + product.split(" ")[0]
                        + ", the development database of kc.sh start-dev (dev-file): production runs kc.sh start on"
                        + " PostgreSQL (--db=postgres)")
                .toList();
    }

    /**
     * Whether Keycloak serves its themes as a production server does, cached ({@code Cache-Control: max-age} of a
     * month by default): {@code kc.sh start-dev} turns theme caching off and answers {@code no-cache}, whatever its
     * database. Asked without a token, as a browser would: the realm's account console page, then the first theme file
     * it names (on the same address, whatever origin the page writes). This is the second sign of development mode,
     * after the database: when the page or the file cannot be read (a proxy's redirect, say), it is not counted, so an
     * address this check does not know cannot stop a production start.
     */
    List<String> themeProblems() throws IOException, InterruptedException {
        URI page = URI.create(accountPageUrl);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(page)
                        .timeout(TIMEOUT)
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher file = THEME_FILE.matcher(answer.statusCode() == 200 ? answer.body() : "");
        if (!file.find()) {
            return List.of();
        }
        HttpResponse<Void> theme = http.send(
                HttpRequest.newBuilder(page.resolve(file.group(1)))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return themeCacheProblems(
                theme.statusCode(), theme.headers().firstValue("Cache-Control").orElse(""));
    }

    /** What a theme file's answer says of the server: uncached is {@code kc.sh start-dev}'s way. */
    static List<String> themeCacheProblems(int status, String cacheControl) {
        if (status != 200) {
            return List.of(); // not read: not counted
        }
        String directives = cacheControl.toLowerCase(java.util.Locale.ROOT);
        Matcher maxAge = MAX_AGE.matcher(directives);
        if (maxAge.find()
                && Long.parseLong(maxAge.group(1)) > 0
                && !directives.contains("no-cache")
                && !directives.contains("no-store")) {
            return List.of();
        }
        return List.of("Keycloak serves its themes uncached (Cache-Control: "
                + (cacheControl.isBlank() ? "none" : cacheControl.strip())
                + "), as kc.sh start-dev does: production runs kc.sh start, which caches them");
    }

    private JsonNode get(String token, String path, List<String> problems) throws IOException, InterruptedException {
        String what = path.isEmpty()
                ? "the realm"
                : path.substring(1, path.indexOf('?') > 0 ? path.indexOf('?') : path.length());
        return get(token, URI.create(adminRealmUrl + path), what, problems);
    }

    private JsonNode get(String token, URI uri, String what, List<String> problems)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            problems.add(
                    "Keycloak's admin API answered " + answer.statusCode() + " for " + what + " at " + adminRealmUrl
                            + " (the service account needs realm-management's view-realm, view-users and view-clients)");
            return null;
        }
        try {
            return JSON.readTree(answer.body());
        } catch (JacksonException e) {
            problems.add("Keycloak's admin API answered something that is not JSON for " + what);
            return null;
        }
    }
}
