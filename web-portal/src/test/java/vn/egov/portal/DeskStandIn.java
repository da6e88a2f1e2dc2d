package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * dossier-service's officer API as it answers the demo agency's officer and approver (dossier-service's shapes:
 * DossierSummary, DossierView, HistoryEntry, DeadlineView), on {@link PublicApiStandIn}'s server. Due dates are
 * relative to today in Vietnam, so the queue's colours hold on any day.
 */
final class DeskStandIn {

    static final String OFFICER_TOKEN = "access-token-of-officer";
    static final String APPROVER_TOKEN = "access-token-of-approver";
    static final String AGENCY = "000.00.01.H26";

    /** RECEIVED, due yesterday (overdue), with a PDF and a PNG. */
    static final String RECEIVED = "000.00.01.H26-261204-0011";
    /** IN_PROCESSING, due in a month. */
    static final String IN_PROCESSING = "000.00.01.H26-261204-0012";

    /** RESOLVED (the hand-over's forms) and POSTED (the delivery to confirm). */
    static final String RESOLVED = "000.00.01.H26-261204-0015";

    static final String POSTED = "000.00.01.H26-261204-0016";

    /** SUBMITTED online and not received within its receipt limit (decision 51). */
    static final String NOT_RECEIVED = "000.00.01.H26-261204-0017";

    /** What the counter answers (decision 35): a walk-in received, a guidance, a counter payment. */
    static final String WALK_IN = "000.00.01.H26-261205-0021";

    static final String GUIDED = "000.00.01.H26-261205-0022";

    static final String PAYMENT_ID = "7c0d2e4f-2222-4b3c-8d4e-000000000021";

    static final String DUE_TODAY = "000.00.01.H26-261204-0013";
    static final String DUE_SOON = "000.00.01.H26-261204-0014";

    static final String PDF_ID = "5e0f3c1e-1111-4a2b-9c3d-000000000011";
    static final String PNG_ID = "5e0f3c1e-1111-4a2b-9c3d-000000000012";
    static final String HTML_ID = "5e0f3c1e-1111-4a2b-9c3d-000000000013";

    /** A one-page PDF that says "Giay de nghi" (what a viewer can open). */
    static final String PDF = """
            %PDF-1.4
            1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
            2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
            3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
            4 0 obj<</Length 44>>stream
            BT /F1 18 Tf 30 100 Td (Giay de nghi) Tj ET
            endstream endobj
            5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
            trailer<</Root 1 0 R>>
            %%EOF
            """;

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private DeskStandIn() {}

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    static OidcUser officer() {
        return staff("canbo.motcua", "Cán bộ", "Trần Thị", "ROLE_OFFICER");
    }

    static OidcUser approver() {
        return staff("chuyenvien.pheduyet", "Lãnh đạo", "Lê Văn", "ROLE_APPROVER");
    }

    /** An officer of Hà Nội's public administrative service centre, which receives for the wards (decision 57). */
    static OidcUser centreOfficer() {
        return staff("motcua.trungtam", "Cán bộ", "Ngô Thị", "ROLE_OFFICER", "000.00.90.H26");
    }

    private static OidcUser staff(String username, String given, String family, String role) {
        return staff(username, given, family, role, AGENCY);
    }

    private static OidcUser staff(String username, String given, String family, String role, String agency) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + username)
                .issuer(SignInTest.ISSUER)
                .subject("7b1e0c44-9f3a-4c1e-8a7b-" + (username.hashCode() & 0xffffff) + "000000")
                .claim("preferred_username", username)
                .claim("given_name", given)
                .claim("family_name", family)
                .claim("agency", agency)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(role));
        return new DefaultOidcUser(authorities, idToken, "sub");
    }

    static void stub(PublicApiStandIn api) {
        for (String token : List.of(OFFICER_TOKEN, APPROVER_TOKEN)) {
            stubFor(api, token);
        }
        api.server.stubFor(get(urlPathEqualTo("/api/v1/calendar/days")).willReturn(okJson("[]")));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("agency", equalTo(AGENCY))
                .atPriority(2)
                .willReturn(okJson("""
                        {"items":[
                          {"code":"1.001193","name":"Đăng ký khai sinh","nameEn":"Birth registration"},
                          {"code":"1.001612","name":"Đăng ký thành lập hộ kinh doanh","nameEn":"Household business registration"}],
                         "page":0,"size":100,"totalItems":2,"totalPages":1}""")));
    }

    private static void stubFor(PublicApiStandIn api, String token) {
        var who = equalTo("Bearer " + token);
        LocalDate today = today();
        List<String> items = new ArrayList<>();
        items.add(summary(RECEIVED, "1.001612", "RECEIVED", today.minusDays(1)));
        items.add(summary(DUE_TODAY, "1.001193", "RECEIVED", today));
        items.add(summary(DUE_SOON, "1.001193", "IN_PROCESSING", today.plusDays(1)));
        items.add(summary(IN_PROCESSING, "1.001612", "IN_PROCESSING", today.plusDays(30)));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", who)
                .willReturn(okJson("""
                        {"items":[%s],"page":0,"size":20,"totalItems":205,"totalPages":11}""".formatted(String.join(",", items)))));
        dossier(api, who, RECEIVED, "RECEIVED", today.minusDays(1), true);
        dossier(api, who, IN_PROCESSING, "IN_PROCESSING", today.plusDays(30), false);
        dossier(api, who, RESOLVED, "RESOLVED", today.plusDays(2), false);
        dossier(api, who, POSTED, "POSTED", today.plusDays(2), false);
        dossier(api, who, NOT_RECEIVED, "SUBMITTED", null, false);
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + RECEIVED + "/documents/" + PDF_ID))
                .withHeader("Authorization", who)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"giay-de-nghi.pdf\"")
                        .withBody(PDF.getBytes(StandardCharsets.US_ASCII))));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + RECEIVED + "/documents/" + PNG_ID))
                .withHeader("Authorization", who)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withHeader("Content-Disposition", "attachment; filename=\"hop-dong.png\"")
                        .withBody(PNG)));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + RECEIVED + "/documents/" + HTML_ID))
                .withHeader("Authorization", who)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withHeader("Content-Disposition", "attachment; filename=\"trang.html\"")
                        .withBody("<script>alert(1)</script>")));
    }

    private static String summary(String code, String procedure, String status, LocalDate due) {
        return """
                {"code":"%s","procedureCode":"%s","agencyCode":"%s","status":"%s","submittedAt":"2026-12-03T02:00:00Z",
                 "dueDate":"%s","businessTaxCode":null}""".formatted(code, procedure, AGENCY, status, due);
    }

    private static void dossier(
            PublicApiStandIn api,
            com.github.tomakehurst.wiremock.matching.StringValuePattern who,
            String code,
            String status,
            LocalDate due,
            boolean overdue) {
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + code))
                .withHeader("Authorization", who)
                .willReturn(okJson("""
                        {"code":"%s","procedureCode":"1.001612","procedureName":"Đăng ký thành lập hộ kinh doanh",
                         "agencyCode":"%s","agencyName":"Ủy ban nhân dân phường Ba Đình","status":"%s",
                         "submittedAt":"2026-12-03T02:00:00Z","receivedDate":"2026-12-03","dueDate":"%s","overdue":%s,
                         "feeVnd":100000,"payment":null,"formData":{"businessName":"Tạp hoá An Nhiên","ghiChuCu":"x"},
                         "missingDocuments":[],"businessTaxCode":"0101234567","businessName":"Hộ kinh doanh An Nhiên",
                         "lookupSecret":"K7QM2XPA","caseName":"Hộ kinh doanh do một cá nhân thành lập",
                         "documents":[
                           {"id":"%s","requirementCode":"GIAY_DE_NGHI","kind":"SUBMITTED","fileName":"giay-de-nghi.pdf",
                            "contentType":"application/pdf","sizeBytes":20480,"sha256":"ab","uploadedAt":"2026-12-03T02:00:00Z"},
                           {"id":"%s","requirementCode":"HOP_DONG_THUE","kind":"SUBMITTED","fileName":"hop-dong.png",
                            "contentType":"image/png","sizeBytes":1024,"sha256":"cd","uploadedAt":"2026-12-03T02:00:00Z"}]}""".formatted(code, AGENCY, status, due, overdue, PDF_ID, PNG_ID)
                        .replace(
                                "\"businessTaxCode\":\"0101234567\",\"businessName\":\"Hộ kinh doanh An Nhiên\",",
                                // the dossier in processing was taken at the counter: its applicant as the officer
                                // identified them (the national id masked by the API), no business
                                code.equals(IN_PROCESSING)
                                        ? "\"businessTaxCode\":null,\"businessName\":null,\"channel\":\"DIRECT\","
                                                + "\"walkInApplicant\":{\"nationalIdMasked\":\"096******123\","
                                                + "\"fullName\":\"Trần Thị Bình\",\"dateOfBirth\":\"1985-03-08\","
                                                + "\"sex\":\"FEMALE\",\"phone\":\"0912345678\",\"email\":null},"
                                        : "\"businessTaxCode\":\"0101234567\",\"businessName\":\"Hộ kinh doanh An Nhiên\","
                                                + "\"channel\":\"ONLINE\",\"walkInApplicant\":null,"
                                                // the one nobody received: past its receipt limit
                                                + (code.equals(NOT_RECEIVED)
                                                        ? "\"receiptDueAt\":\"2026-12-03T08:30:00Z\",\"receiptOverdue\":true,"
                                                        : ""))
                        // not received: no receipt date, no appointment
                        .replace(
                                "\"receivedDate\":\"2026-12-03\",\"dueDate\":\"null\"",
                                "\"receivedDate\":null,\"dueDate\":null"))));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + code + "/history"))
                .withHeader("Authorization", who)
                .willReturn(okJson("""
                        [{"action":"submit","fromStatus":null,"toStatus":"SUBMITTED","actorRole":"OWNER","reason":null,
                          "note":null,"occurredAt":"2026-12-03T02:00:00Z"},
                         {"action":"receive","fromStatus":"SUBMITTED","toStatus":"RECEIVED","actorRole":"OFFICER",
                          "reason":null,"note":"Đủ thành phần","occurredAt":"2026-12-03T03:00:00Z"}]""")));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + code + "/deadline"))
                .withHeader("Authorization", who)
                .willReturn(okJson("""
                        {"code":"%s","procedureCode":"1.001612",
                         "timeLimit":{"amount":3,"unit":"WORKING_DAYS","source":"Nghị định 01/2021/NĐ-CP, Điều 87","text":"3 ngày làm việc"},
                         "workingHours":"07:30–11:30, 13:30–17:00","clockStart":"RECEIVED","startedAt":"2026-12-03T03:00:00Z",
                         "countedFrom":"2026-12-03T03:00:00Z","computedDueAt":"2026-12-08T10:00:00Z","dueAt":"2026-12-08T10:00:00Z",
                         "dueDate":"%s","moved":false,"summary":"Hạn giải quyết: 17:00 ngày 08/12/2026",
                         "days":[{"date":"2026-12-03","kind":"RECEIVED","reason":null,"text":"Ngày tiếp nhận"},
                                 {"date":"2026-12-05","kind":"WEEKEND","reason":null,"text":"Thứ Bảy, không tính"}],
                         "warnings":[]}""".formatted(code, due))));
    }

    /** The counter's answers: the walk-in received at once, the guidance (GUIDED), the fee taken (SUCCEEDED). */
    static void stubCounter(PublicApiStandIn api) {
        // identity-service's registry: Hà Nội's service centre (decision 57); the ward is not one
        api.server.stubFor(get(urlPathEqualTo("/api/v1/identity/agencies"))
                .withQueryParam("serviceCentre", equalTo("true"))
                .willReturn(okJson("""
                        {"items":[{"code":"000.00.90.H26","name":"Trung tâm Phục vụ hành chính công thành phố Hà Nội",
                                   "level":"PROVINCE","serviceCentre":true}],"page":0,"size":100,"totalItems":1,
                         "totalPages":1}""")));
        LocalDate due = today().plusDays(3);
        api.server.stubFor(post(urlPathEqualTo("/api/v1/desk/dossiers"))
                .withHeader("Authorization", equalTo("Bearer " + OFFICER_TOKEN))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"code":"%s","status":"RECEIVED","channel":"DIRECT","receivedDate":"%s","dueDate":"%s",
                                 "dueAt":"%sT10:00:00Z","feeVnd":100000,"missingDocuments":[],"lookupSecret":"Q4WZ8KMA"}""".formatted(WALK_IN, today(), due, due))));
        api.server.stubFor(post(urlPathEqualTo("/api/v1/desk/guidance"))
                .withHeader("Authorization", equalTo("Bearer " + OFFICER_TOKEN))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"code":"%s","status":"GUIDED","channel":"DIRECT","receivedDate":null,"dueDate":null,
                                 "dueAt":null,"feeVnd":0,"missingDocuments":["HOP_DONG_THUE"],"lookupSecret":"R2TX7PLB"}""".formatted(GUIDED))));
        api.server.stubFor(post(urlPathEqualTo("/api/v1/payments/counter"))
                .withHeader("Authorization", equalTo("Bearer " + OFFICER_TOKEN))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"%s","dossierCode":"%s","amount":100000,"method":"CASH","status":"SUCCEEDED",
                                 "receiptNumber":"BL-H26-2026-000123","paidAt":"2026-12-05T02:00:00Z"}""".formatted(PAYMENT_ID, WALK_IN))));
    }

    /** The API's 400 naming a field, as egov-commons writes it. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fieldProblem(String field, String message) {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"https://egov.vn/problems/validation-failed","title":"t","status":400,
                         "code":"validation-failed","errors":[{"field":"%s","code":"x","message":"%s"}]}""".formatted(field, message));
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder action(String code, String action) {
        return post(urlPathEqualTo("/api/v1/dossiers/" + code + "/actions/" + action));
    }
}
