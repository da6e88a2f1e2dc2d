package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix (issue 16's security suite, decision 64), generated from the services' OpenAPI documents as the gateway serves
 * them: every documented operation whose path takes an id must have a row in {@code access-matrix.csv}, so a new
 * endpoint cannot be forgotten (and a row whose operation is gone fails too). Each row says the path as called with
 * the fixtures' ids — a citizen's dossier at Sở Tư pháp with its document and payment — the body sent (a valid request
 * where the operation takes one, so that a refusal is the check of who calls and not validation) and the status
 * expected, through the gateway, for a caller without a token, the dossier's owner (so a stranger's 404 is not a wrong
 * path's), another citizen (the demo citizen), an officer of another agency (the demo officer, UBND phường Ba Đình) and
 * an officer of the dossier's agency, the demo agency administrator (Ba Đình), an approver and an administrator of the
 * dossier's agency (accounts made for the run in Keycloak: no API makes staff of another agency than the demo
 * administrator's) and the platform's administrator: a stranger learns nothing and changes nothing, and those who may act reach the check of
 * the dossier's state (the fixture's state makes it a conflict, never a change). A cell may name alternatives
 * ({@code 403|404}); {@code -} is not called. {@code -Degov.access-matrix.print=true} prints the statuses observed, in
 * the file's format, for keeping it. Left out, as in the fuzz pass: the live stream, the payment gateway's callbacks,
 * the local-only test clock.
 */
@Order(10)
@ExtendWith(PlatformExtension.class)
class AccessMatrixJourneyIT {

    private static final List<String> SERVICES = List.of("identity", "dossier", "payment", "notification");
    private static final Pattern LEFT_OUT = Pattern.compile(".*(/stream$|/vnpay/|test-clock|/actuator).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> CALLERS = List.of(
            "anonymous",
            "owner",
            "other-citizen",
            "other-agency-officer",
            "same-agency-officer",
            "other-agency-admin",
            "same-agency-approver",
            "same-agency-admin",
            "system-admin");

    /**
     * The bodies a row may name instead of {@code {}}: valid requests, so that a refusal comes from the check of who
     * calls (or, for those allowed, of the dossier's state) and not from validation. For a multipart operation the
     * named body is each of its JSON parts.
     */
    private static final Map<String, String> BODIES = Map.of(
            "{}", "{}",
            "rating", "{\"score\":5,\"comment\":\"Cán bộ hướng dẫn tận tình\"}",
            "supplement", "{\"note\":\"Bổ sung theo yêu cầu\",\"documents\":[]}",
            "refund", "{\"amountVnd\":10000,\"reason\":\"Nộp thừa lệ phí\"}",
            "action", "{\"note\":\"Trả kết quả\",\"reason\":\"Đã giải quyết\"}");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Row(String method, String template, String called, String body, Map<String, String> expected) {
        String operation() {
            return method + " " + template;
        }
    }

    @Test
    void everyOperationThatTakesAnIdRefusesStrangersAsTheMatrixSays() throws Exception {
        // the fixtures: a verified citizen's dossier at Sở Tư pháp, with its document and its payment
        People.Citizen owner = People.verifiedCitizen();
        JsonNode submitted = Dossiers.created(Dossiers.submitJudicialRecord(owner.token()));
        String code = submitted.get("code").asString();
        JsonNode dossier = Dossiers.view(owner.token(), code);
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("dossier", code);
        fixtures.put("document", dossier.get("documents").get(0).get("id").asString());
        fixtures.put("payment", submitted.get("payment").get("id").asString());
        fixtures.put("owner", owner.id());
        // Sở Tư pháp, the dossier's agency: not the demo officer's (UBND phường Ba Đình)
        fixtures.put("agency", dossier.get("agencyCode").asString());
        fixtures.put("wrongSecret", "ABCD2345");
        fixtures.put("procedure", Dossiers.JUDICIAL_RECORD);
        fixtures.put(
                "day",
                LocalDate.now().plusYears(1).withMonth(3).withDayOfMonth(3).toString());
        fixtures.put(
                "today", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        fixtures.put("random", UUID.randomUUID().toString());
        fixtures.put("taxCode", "0101234567");
        fixtures.put("form", "01");
        // returning a result the dossier does not have yet: whoever may act gets a state conflict, not a change
        fixtures.put("action", "return-result");

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("owner", owner.token());
        tokens.put("other-citizen", People.token(People.DEMO_CITIZEN));
        tokens.put("other-agency-officer", People.token(People.OFFICER));
        // an officer of the dossier's own agency (the demo staff are all at UBND phường Ba Đình)
        tokens.put("same-agency-officer", People.token(KeycloakAdmin.staffMember("OFFICER", fixtures.get("agency"))));
        // the demo agency administrator (Ba Đình), an approver and an administrator of the dossier's agency, and the
        // platform's administrator
        tokens.put("other-agency-admin", People.token("quantri.coquan"));
        tokens.put("same-agency-approver", People.token(KeycloakAdmin.staffMember("APPROVER", fixtures.get("agency"))));
        tokens.put(
                "same-agency-admin", People.token(KeycloakAdmin.staffMember("AGENCY_ADMIN", fixtures.get("agency"))));
        tokens.put("system-admin", People.token("quantri.hethong"));

        Map<String, List<String>> multipartParts = new LinkedHashMap<>();
        Set<String> documented = new LinkedHashSet<>();
        for (String service : SERVICES) {
            JsonNode paths =
                    Api.get(GATEWAY + "/v3/api-docs/" + service, null).json().get("paths");
            assertThat(paths).as("%s's OpenAPI paths", service).isNotNull();
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                if (!path.getKey().contains("{")
                        || LEFT_OUT.matcher(path.getKey()).matches()) {
                    continue;
                }
                for (String method : path.getValue().propertyNames()) {
                    String m = method.toUpperCase(Locale.ROOT);
                    if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) {
                        documented.add(m + " " + path.getKey());
                        JsonNode multipart = path.getValue()
                                .get(method)
                                .path("requestBody")
                                .path("content")
                                .path("multipart/form-data")
                                .path("schema")
                                .path("properties");
                        if (!multipart.isMissingNode()) {
                            // its JSON parts, each an empty object (files left out)
                            List<String> parts = new ArrayList<>();
                            multipart.properties().forEach(part -> {
                                if (!"array".equals(part.getValue().path("type").asString())
                                        && !"binary"
                                                .equals(part.getValue()
                                                        .path("format")
                                                        .asString())) {
                                    parts.add(part.getKey());
                                }
                            });
                            multipartParts.put(m + " " + path.getKey(), parts);
                        }
                    }
                }
            }
        }
        List<Row> rows = matrix();
        Set<String> inMatrix = new LinkedHashSet<>();
        rows.forEach(r -> inMatrix.add(r.operation()));
        List<String> missing =
                documented.stream().filter(o -> !inMatrix.contains(o)).toList();
        List<String> stale =
                inMatrix.stream().filter(o -> !documented.contains(o)).toList();

        boolean print = Boolean.getBoolean("egov.access-matrix.print");
        List<String> failures = new ArrayList<>();
        StringBuilder observed = new StringBuilder();
        for (Row row : rows) {
            if (!documented.contains(row.operation())) {
                continue;
            }
            String path = fill(row.called(), fixtures);
            List<String> statuses = new ArrayList<>();
            for (String caller : CALLERS) {
                if (row.expected().get(caller).equals("-")) {
                    statuses.add("-"); // it would act on the fixture
                    continue;
                }
                int status =
                        call(row.method(), path, tokens.get(caller), multipartParts.get(row.operation()), row.body());
                statuses.add(String.valueOf(status));
                Set<String> allowed = Set.of(row.expected().get(caller).split("\\|"));
                if (!allowed.contains(String.valueOf(status))) {
                    failures.add(row.operation() + " as " + caller + ": " + status + ", the matrix says "
                            + row.expected().get(caller));
                }
            }
            observed.append(row.method())
                    .append(',')
                    .append(row.template())
                    .append(',')
                    .append(row.called())
                    .append(',')
                    .append(row.body());
            statuses.forEach(s -> observed.append(',').append(s));
            observed.append('\n');
        }
        if (print) {
            // operations without a row: called with a guess of their fixtures, for a maintainer to review and add
            for (String operation : missing) {
                String method = operation.substring(0, operation.indexOf(' '));
                String template = operation.substring(operation.indexOf(' ') + 1);
                String called = guess(template);
                observed.append("#new ")
                        .append(method)
                        .append(',')
                        .append(template)
                        .append(',')
                        .append(called)
                        .append(",{}");
                for (String caller : CALLERS) {
                    observed.append(',')
                            .append(call(
                                    method,
                                    fill(called, fixtures),
                                    tokens.get(caller),
                                    multipartParts.get(operation),
                                    "{}"));
                }
                observed.append('\n');
            }
            System.out.println("access matrix as observed:\n" + observed);
        }
        assertThat(missing)
                .as("operations that take an id and have no row in access-matrix.csv (add one)")
                .isEmpty();
        assertThat(stale)
                .as("rows of access-matrix.csv whose operation is not documented")
                .isEmpty();
        assertThat(documented.size()).as("operations that take an id").isGreaterThan(20);
        assertThat(failures).as("answers that differ from the matrix").isEmpty();
    }

    private static List<Row> matrix() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AccessMatrixJourneyIT.class.getResourceAsStream("/access-matrix.csv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("method,")) {
                    continue;
                }
                String[] cells = line.split(",");
                assertThat(cells)
                        .as("row %s: method, template, called, body and %d statuses", line, CALLERS.size())
                        .hasSize(4 + CALLERS.size());
                assertThat(BODIES).as("row %s: its body", line).containsKey(cells[3].strip());
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    expected.put(CALLERS.get(i), cells[4 + i].strip());
                }
                rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(), expected));
            }
        }
        return rows;
    }

    /** A fixture for each path parameter, from the path segment before it (for printing a new row only). */
    private static String guess(String template) {
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                String before = segments[i - 1];
                String fixture = switch (before) {
                    case "dossiers", "lookups", "public" -> "dossier";
                    case "documents" -> "document";
                    case "payments" -> "payment";
                    case "agencies", "working-hours" -> "agency";
                    case "procedures" -> "procedure";
                    case "days" -> "day";
                    case "forms" -> "form";
                    case "actions" -> "action";
                    case "businesses" -> "taxCode";
                    default -> segments[i].equals("{personId}") ? "owner" : "random";
                };
                segments[i] = "{" + fixture + "}";
            }
        }
        return String.join("/", segments);
    }

    private static String fill(String called, Map<String, String> fixtures) {
        Matcher m = PLACEHOLDER.matcher(called);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = fixtures.get(m.group(1));
            assertThat(value).as("fixture {%s} of %s", m.group(1), called).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /**
     * The status the gateway answers; a body-taking method sends the row's body (an empty JSON object unless it names
     * one), or for a multipart operation that body as each of its JSON parts.
     */
    private static int call(String method, String path, String token, List<String> parts, String bodyName)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                // each call from an address of its own: the matrix is about who, not how often
                .header("X-Forwarded-For", "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        boolean body = List.of("POST", "PUT", "PATCH").contains(method);
        String json = BODIES.get(bodyName);
        String content = json;
        if (body && parts != null) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            StringBuilder multipart = new StringBuilder();
            for (String part : parts) {
                multipart
                        .append("--")
                        .append(boundary)
                        .append("\r\n")
                        .append("Content-Disposition: form-data; name=\"")
                        .append(part)
                        .append("\"\r\n")
                        .append("Content-Type: application/json\r\n\r\n")
                        .append(json)
                        .append("\r\n");
            }
            multipart.append("--").append(boundary).append("--\r\n");
            content = multipart.toString();
            builder.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else if (body) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(
                method, body ? HttpRequest.BodyPublishers.ofString(content) : HttpRequest.BodyPublishers.noBody());
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
