package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.dossier.SubmissionBuilder.aBirthRegistration;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.CloudEvent;
import vn.egov.dossier.desk.DossierActions;
import vn.egov.dossier.input.InputLimits;
import vn.egov.testsupport.BoundedInputSupport;
import vn.egov.testsupport.EventSizes;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Bounded input (issue 20): every free-text and list field is refused past its limit with a problem naming
 * it (vi by default, en on request) and nothing stored, a value exactly at the limit is accepted, bodies are
 * capped before they are read, and the largest event the API can produce — every user-supplied field that
 * flows into an event at its limit — fits the producer's {@code max.request.size}. A database of its own,
 * so that counting outbox rows counts only this test's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "egov.test.database=dossier_bounds")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class BoundedInputIT extends BoundedInputSupport {

    static final IdentityServiceStub IDENTITY = new IdentityServiceStub();

    static {
        IDENTITY.start();
    }

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("egov.dossier.identity.base-url", IDENTITY::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    DossierApi api() {
        return new DossierApi(port);
    }

    String submit(String citizen) {
        HttpResponse<String> r = api().submitBirth(citizen, "Lê Minh Giới Hạn");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return DossierApi.field(r.body(), "code");
    }

    String status(String code) {
        return jdbc.sql("select status from dossier where code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    long outboxRows(String code) {
        return count("select count(*) from outbox_event where event_key = ?", code);
    }

    long historyRows(String code) {
        return count(
                "select count(*) from dossier_history h join dossier d on d.id = h.dossier_id where d.code = ?", code);
    }

    long dossiers() {
        return count("select count(*) from dossier");
    }

    /** The @Size limit declared on a record component: the tests follow the code, not a copy of it. */
    static int maxOf(Class<? extends Record> type, String component) {
        try {
            return type.getDeclaredField(component).getAnnotation(Size.class).max();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void theIssuesWithdrawalWithAReasonOfOnePointTwoMegabytesIsRefusedAndChangesNothing() {
        String citizen = api().citizen("001090020001", 1);
        String code = submit(citizen);
        String before = status(code);
        long events = outboxRows(code);
        long history = historyRows(code);
        String reason = "x".repeat(1_200_000);

        HttpResponse<String> vi = api().act(code, "withdraw", citizen, "{\"reason\":\"" + reason + "\"}");
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "reason")).isEqualTo(viSize("0", "2.000"));
        assertThat(vi.body()).doesNotContain("xxxxxxxxxx").hasSizeLessThan(2000);
        HttpResponse<String> en = api().request(
                        "POST",
                        "/api/v1/dossiers/" + code + "/actions/withdraw",
                        citizen,
                        "{\"reason\":\"" + reason + "\"}",
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "reason")).isEqualTo(enSize("0", "2,000"));

        assertThat(status(code)).isEqualTo(before).isEqualTo("SUBMITTED");
        assertThat(outboxRows(code)).isEqualTo(events);
        assertThat(historyRows(code)).isEqualTo(history);

        // one character over is refused too; exactly at the limit, in Vietnamese, is accepted
        int max = maxOf(DossierActions.ActionRequest.class, "reason");
        assertFieldProblem(
                api().act(code, "withdraw", citizen, "{\"reason\":" + json("ệ".repeat(max + 1)) + "}"),
                400,
                "validation-failed",
                "reason");
        HttpResponse<String> ok = api().act(code, "withdraw", citizen, "{\"reason\":" + json("ệ".repeat(max)) + "}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(status(code)).isEqualTo("WITHDRAWN");
        assertThat(outboxRows(code)).isEqualTo(events + 1);
    }

    @Test
    void everyActionFieldAndListIsBoundedWhetherSentAsJsonOrAsAMultipartPart() {
        String citizen = api().citizen("001090020002", 1);
        String officer = api().officer();
        String code = submit(citizen);
        assertThat(api().act(code, "receive", officer, "{\"note\":" + json("ệ".repeat(InputLimits.NOTE)) + "}")
                        .statusCode())
                .isEqualTo(200);
        long events = outboxRows(code);

        assertFieldProblem(
                api().act(code, "forward", officer, "{\"note\":\"" + "n".repeat(InputLimits.NOTE + 1) + "\"}"),
                400,
                "validation-failed",
                "note");
        String tooMany = IntStream.range(0, InputLimits.LIST_ITEMS + 1)
                .mapToObj(i -> "\"TO_KHAI\"")
                .collect(Collectors.joining(",", "[", "]"));
        assertFieldProblem(
                api().act(
                                code,
                                "request-supplement",
                                officer,
                                "{\"reason\":\"r\",\"missingDocuments\":" + tooMany + "}"),
                400,
                "validation-failed",
                "missingDocuments");
        assertFieldProblem(
                api().act(
                                code,
                                "request-supplement",
                                officer,
                                "{\"reason\":\"r\",\"missingDocuments\":[\"TO_KHAI\",\""
                                        + "C".repeat(InputLimits.CODE + 1) + "\"]}"),
                400,
                "validation-failed",
                "missingDocuments[1]");
        assertFieldProblem(
                api().act(
                                code,
                                "transfer",
                                officer,
                                "{\"reason\":\"r\",\"targetAgencyCode\":\"" + "9".repeat(InputLimits.CODE + 1) + "\"}"),
                400,
                "validation-failed",
                "targetAgencyCode");
        // the same record sent as the `action` part of a multipart action
        HttpResponse<String> part = api().multipart(
                        "/api/v1/dossiers/" + code + "/actions/reject",
                        officer,
                        List.of(DossierLifecycleIT.Part.json(
                                "action", "{\"reason\":\"" + "r".repeat(InputLimits.REASON + 1) + "\"}")),
                        "Accept-Language",
                        "en");
        assertThat(assertFieldProblem(part, 400, "validation-failed", "reason")).isEqualTo(enSize("0", "2,000"));
        assertThat(status(code)).isEqualTo("RECEIVED");
        assertThat(outboxRows(code)).isEqualTo(events);

        // a supplement's note and document list
        HttpResponse<String> asked = api().act(
                        code,
                        "request-supplement",
                        officer,
                        "{\"reason\":\"Thiếu giấy ủy quyền\",\"missingDocuments\":[\"UY_QUYEN\"]}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        long afterAsk = outboxRows(code);
        HttpResponse<String> note = api().multipart(
                        "/api/v1/dossiers/" + code + "/supplements",
                        citizen,
                        List.of(
                                DossierLifecycleIT.Part.json(
                                        "supplement",
                                        "{\"note\":\"" + "n".repeat(InputLimits.NOTE + 1) + "\","
                                                + "\"documents\":[{\"requirementCode\":\"UY_QUYEN\",\"fileName\":\"uy-quyen.pdf\"}]}"),
                                DossierLifecycleIT.Part.file("uy-quyen.pdf", "application/pdf", DossierApi.PDF)));
        assertFieldProblem(note, 400, "validation-failed", "note");
        HttpResponse<String> name = api().multipart(
                        "/api/v1/dossiers/" + code + "/supplements",
                        citizen,
                        List.of(
                                DossierLifecycleIT.Part.json(
                                        "supplement",
                                        "{\"documents\":[{\"requirementCode\":\"UY_QUYEN\",\"fileName\":\""
                                                + "a".repeat(InputLimits.FILE_NAME + 1) + ".pdf\"}]}"),
                                DossierLifecycleIT.Part.file("uy-quyen.pdf", "application/pdf", DossierApi.PDF)));
        assertFieldProblem(name, 400, "validation-failed", "documents[0].fileName");
        assertThat(status(code)).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(outboxRows(code)).isEqualTo(afterAsk);
    }

    @Test
    void aSubmissionPastAnyLimitStoresNothing() {
        String citizen = api().citizen("001090020003", 1);
        long before = dossiers();
        // one value too long
        HttpResponse<String> value = api().submit(
                        citizen, aBirthRegistration("Lê Minh").with("ghiChu", "v".repeat(InputLimits.FORM_VALUE + 1)));
        assertThat(assertFieldProblem(value, 400, "validation-failed", "formData.ghiChu"))
                .isEqualTo(viSize("0", "4.000"));
        // too many fields
        SubmissionBuilder many = aBirthRegistration("Lê Minh");
        IntStream.range(0, InputLimits.FORM_FIELDS + 1).forEach(i -> many.with("f" + i, "x"));
        HttpResponse<String> fields =
                api().multipart("/api/v1/dossiers", citizen, many.parts(), "Accept-Language", "en");
        assertThat(assertFieldProblem(fields, 400, "validation-failed", "formData"))
                .isEqualTo("The form has too many fields (at most 100).");
        // within every per-value limit, but too large in all (64 KiB)
        SubmissionBuilder large = aBirthRegistration("Lê Minh");
        IntStream.range(0, 20).forEach(i -> large.with("f" + i, "ệ".repeat(InputLimits.FORM_VALUE / 2)));
        assertFieldProblem(api().submit(citizen, large), 400, "validation-failed", "formData");
        // a nested value
        assertFieldProblem(
                api().submit(
                                citizen,
                                aBirthRegistration("Lê Minh").with("deep", Map.of("a", Map.of("b", List.of(1, 2, 3))))),
                400,
                "validation-failed",
                "formData.deep");
        // the document list, the tax code, the Idempotency-Key header
        SubmissionBuilder fiftyOne = aBirthRegistration("Lê Minh");
        IntStream.range(0, InputLimits.LIST_ITEMS + 1)
                .forEach(i -> fiftyOne.withDocument("DOC_" + i, "f" + i + ".pdf", "application/pdf", DossierApi.PDF));
        assertFieldProblem(
                api().multipart(
                                "/api/v1/dossiers",
                                citizen,
                                List.of(DossierLifecycleIT.Part.json("dossier", fiftyOne.json()))),
                400,
                "validation-failed",
                "documents");
        assertFieldProblem(
                api().submit(citizen, aBirthRegistration("Lê Minh").forBusiness("0".repeat(InputLimits.TAX_CODE + 1))),
                400,
                "validation-failed",
                "applicantBusinessTaxCode");
        HttpResponse<String> key = api().multipart(
                        "/api/v1/dossiers",
                        citizen,
                        aBirthRegistration("Lê Minh").parts(),
                        "Idempotency-Key",
                        "k".repeat(InputLimits.IDEMPOTENCY_KEY + 1));
        assertFieldProblem(key, 400, "validation-failed", "Idempotency-Key");
        assertThat(dossiers()).isEqualTo(before);

        // at the limits: a value of FORM_VALUE characters (an unknown field is then refused for what it is, 422)
        // and an Idempotency-Key of IDEMPOTENCY_KEY characters is stored
        HttpResponse<String> atValue =
                api().submit(citizen, aBirthRegistration("Lê Minh").with("ghiChu", "ệ".repeat(InputLimits.FORM_VALUE)));
        assertProblem(atValue, 422, "dossier-invalid");
        assertThat(ServiceConformance.json(atValue).read("$.errors[?(@.field == 'formData.ghiChu')].code", List.class))
                .containsExactly("unknown-field");
        HttpResponse<String> atKey = api().multipart(
                        "/api/v1/dossiers",
                        citizen,
                        aBirthRegistration("Lê Minh").parts(),
                        "Idempotency-Key",
                        "k".repeat(InputLimits.IDEMPOTENCY_KEY));
        assertThat(atKey.statusCode()).as(atKey.body()).isEqualTo(201);
        assertThat(dossiers()).isEqualTo(before + 1);
    }

    @Test
    void searchesAndFiltersAreBounded() {
        String q = URLEncoder.encode("ệ".repeat(InputLimits.SEARCH + 1), StandardCharsets.UTF_8);
        HttpResponse<String> vi = api().request("GET", "/api/v1/procedures?q=" + q, null, null);
        assertThat(assertFieldProblem(vi, 400, "validation-failed", "q")).isEqualTo(viSize("0", "200"));
        HttpResponse<String> en =
                api().request("GET", "/api/v1/procedures?q=" + q, null, null, "Accept-Language", "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "q")).isEqualTo(enSize("0", "200"));
        String atLimit = URLEncoder.encode("ệ".repeat(InputLimits.SEARCH), StandardCharsets.UTF_8);
        assertThat(api().request("GET", "/api/v1/procedures?q=" + atLimit, null, null)
                        .statusCode())
                .isEqualTo(200);

        String citizen = api().citizen("001090020004", 1);
        assertFieldProblem(
                api().request("GET", "/api/v1/dossiers?status=" + "S".repeat(InputLimits.CODE + 1), citizen, null),
                400,
                "validation-failed",
                "status");
        assertFieldProblem(
                api().request("GET", "/api/v1/documents?kind=" + "K".repeat(InputLimits.CODE + 1), citizen, null),
                400,
                "validation-failed",
                "kind");
    }

    @Test
    void theLimitsAreInTheOpenApiDocument() {
        JsonNode docs =
                json.readTree(api().request("GET", "/v3/api-docs", null, null).body());
        JsonNode schemas = docs.path("components").path("schemas");
        JsonNode action = schemas.path("ActionRequest").path("properties");
        assertThat(action.path("reason").path("maxLength").asInt()).isEqualTo(InputLimits.REASON);
        assertThat(action.path("note").path("maxLength").asInt()).isEqualTo(InputLimits.NOTE);
        assertThat(action.path("targetAgencyCode").path("maxLength").asInt()).isEqualTo(InputLimits.CODE);
        assertThat(action.path("missingDocuments").path("maxItems").asInt()).isEqualTo(InputLimits.LIST_ITEMS);
        assertThat(action.path("missingDocuments")
                        .path("items")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(InputLimits.CODE);
        JsonNode submission = schemas.path("SubmissionRequest").path("properties");
        assertThat(submission.path("documents").path("maxItems").asInt()).isEqualTo(InputLimits.LIST_ITEMS);
        assertThat(submission.path("applicantBusinessTaxCode").path("maxLength").asInt())
                .isEqualTo(InputLimits.TAX_CODE);
        assertThat(schemas.path("DocumentRef")
                        .path("properties")
                        .path("fileName")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(InputLimits.FILE_NAME);
        assertThat(schemas.path("SupplementRequest")
                        .path("properties")
                        .path("note")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(InputLimits.NOTE);
        assertThat(schemas.path("RatingRequest")
                        .path("properties")
                        .path("comment")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(InputLimits.COMMENT);
        // the multipart parts are described by the same records
        JsonNode submit = docs.path("paths").path("/api/v1/dossiers").path("post");
        assertThat(submit.path("requestBody")
                        .path("content")
                        .path("multipart/form-data")
                        .path("schema")
                        .path("properties")
                        .path("dossier")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/SubmissionRequest");
        assertThat(submit.path("description").asString()).contains("formData ≤ 100 fields", "≤ 64 KiB in all");
        assertThat(parameter(submit, "Idempotency-Key")
                        .path("schema")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(InputLimits.IDEMPOTENCY_KEY);
        assertThat(parameter(docs.path("paths").path("/api/v1/procedures").path("get"), "q")
                        .path("schema")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(InputLimits.SEARCH);
    }

    static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (name.equals(p.path("name").asString())) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    @Test
    void aBodyPastTheCapIsRefusedBeforeItIsReadWithAProblemNotAnHtmlPage() throws Exception {
        String citizen = api().citizen("001090020005", 1);
        // 50 MB announced: answered from the headers alone, no byte of the body sent
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/dossiers/X/actions/withdraw HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + citizen + "\r\nContent-Type: application/json\r\n"
                            + "Accept-Language: en\r\nContent-Length: 52428800\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("Content-Type: application/problem+json")
                    .contains(
                            "\"code\":\"payload-too-large\"",
                            "\"detail\":\"The request body exceeds the allowed size.\"");
        }
        // chunked (no Content-Length): read up to the cap, then refused
        byte[] body = ("{\"reason\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers/X/actions/withdraw"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + citizen)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> refused = DossierApi.HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 413, "payload-too-large");
        assertThat(refused.body()).contains("\"detail\":\"Dữ liệu gửi lên vượt quá giới hạn cho phép.\"");
    }

    /**
     * Issue 20: "the producer's limits and the events' real sizes are known". Drives, through the real
     * endpoints, the events that carry user text with every such field at its limit — a withdrawal's and a
     * transfer's reason, a supplement request's reason and missing documents, a transfer's target agency —
     * reads what the outbox holds (exactly what the relay sends), and checks each record against the
     * effective producer configuration with the producer's own size estimate (key, value, headers, batch
     * overhead). The reasons use the characters that cost most on the wire: Vietnamese letters (3 UTF-8
     * bytes) and control characters (6 bytes once escaped in JSON).
     */
    @Test
    void theLargestEventTheApiCanProduceFitsTheProducersLimit() {
        int reasonMax = maxOf(DossierActions.ActionRequest.class, "reason");
        int agencyMax = maxOf(DossierActions.ActionRequest.class, "targetAgencyCode");
        int listMax = maxOf(DossierActions.ActionRequest.class, "missingDocuments");
        String vietnamese = "ệ".repeat(reasonMax);
        String escaped = "\u0001".repeat(reasonMax);
        String citizen = api().citizen("001090020006", 1);
        String officer = api().officer();

        // withdrawal: the citizen's reason
        String withdrawn = submit(citizen);
        assertThat(api().act(withdrawn, "withdraw", citizen, "{\"reason\":" + json(escaped) + "}")
                        .statusCode())
                .isEqualTo(200);
        // supplement request: reason and every document the procedure has (the list is bounded by LIST_ITEMS too)
        String supplemented = submit(citizen);
        assertThat(api().act(supplemented, "receive", officer, "{}").statusCode())
                .isEqualTo(200);
        List<String> requirements = jdbc.sql("select code from procedure_document where procedure_code = '1.001193'")
                .query(String.class)
                .list();
        assertThat(requirements.size()).isLessThanOrEqualTo(listMax);
        HttpResponse<String> asked = api().act(
                        supplemented,
                        "request-supplement",
                        officer,
                        "{\"reason\":" + json(vietnamese) + ",\"missingDocuments\":"
                                + requirements.stream()
                                        .map(BoundedInputIT::json)
                                        .collect(Collectors.joining(",", "[", "]"))
                                + "}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        // transfer: reason and the target agency, both at their limits
        String transferred = submit(citizen);
        HttpResponse<String> moved = api().act(
                        transferred,
                        "transfer",
                        officer,
                        "{\"reason\":" + json(escaped) + ",\"targetAgencyCode\":" + json("ệ".repeat(agencyMax)) + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        assertThat(EventSizes.CONTENT_TYPE).isEqualTo(CloudEvent.CONTENT_TYPE);
        int maxRequestSize =
                EventSizes.maxRequestSize(kafka.getProducerFactory().getConfigurationProperties());
        List<Integer> sizes = new ArrayList<>();
        int largest = 0;
        String largestType = null;
        for (String code : List.of(withdrawn, supplemented, transferred)) {
            for (var row : jdbc.sql("select event_type, event_key, payload from outbox_event where event_key = ?")
                    .param(code)
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list()) {
                // the record exactly as OutboxRelay sends it: key, payload and the content-type header
                int size = EventSizes.recordSize(row[1], row[2]);
                sizes.add(size);
                if (size > largest) {
                    largest = size;
                    largestType = row[0];
                }
            }
        }
        System.out.printf(
                "[bounded-input] producer max.request.size=%d; largest dossier event %s: %d bytes (%d events)%n",
                maxRequestSize, largestType, largest, sizes.size());
        // the escaped reasons are in the events as sent: the largest is well over the reason's character count
        assertThat(largest).isGreaterThan(reasonMax * 6);
        // fits, with room to spare for whatever a later version adds to the envelope
        assertThat(largest).isLessThan(maxRequestSize / 8);
        assertThat(largest + 16 * 1024).isLessThan(maxRequestSize);
    }
}
