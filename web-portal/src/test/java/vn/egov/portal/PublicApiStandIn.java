package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

/**
 * A real HTTP server standing in for the platform's public API (the gateway), answering in the API's shapes
 * (dossier-service's ProcedureController and PublicDossierController, RFC 9457 problems with a {@code code}).
 * Like the real API, the search folds accents: "dang ky khai sinh" answers "Đăng ký khai sinh".
 */
final class PublicApiStandIn {

    static final String BIRTH = """
            {"code":"1.001193","name":"Đăng ký khai sinh","nameEn":"Birth registration",
             "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
             "processingDays":1,"timeLimitUnit":"SAME_DAY","feeVnd":0,"mode":"FULL_ONLINE","requiredLevelOfAssurance":1}""";
    static final String BUSINESS = """
            {"code":"1.001612","name":"Đăng ký thành lập hộ kinh doanh","nameEn":"Household business registration",
             "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
             "processingDays":3,"feeVnd":100000,"mode":"FULL_ONLINE","requiredLevelOfAssurance":2}""";
    static final String JUDICIAL = """
            {"code":"3.000333","name":"Cấp phiếu lý lịch tư pháp","nameEn":"Judicial record certificate",
             "agencyCode":"000.00.11.H26","agencyName":"Sở Tư pháp thành phố Hà Nội","level":"PROVINCE",
             "processingDays":10,"timeLimitUnit":"WORKING_DAYS","feeVnd":200000,"mode":"FULL_ONLINE","requiredLevelOfAssurance":2}""";
    static final String MARRIAGE = """
            {"code":"1.000894","name":"Đăng ký kết hôn","nameEn":"Marriage registration",
             "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
             "processingDays":5,"feeVnd":0,"mode":"PARTIAL_ONLINE","requiredLevelOfAssurance":2}""";

    static final String DOSSIER_CODE = "000.00.01.H26-261204-0007";

    /** {@link #DOSSIER_CODE}'s lookup secret, as the receipt prints it. */
    static final String DOSSIER_SECRET = "K7QM2XPA";

    private static PublicApiStandIn shared;

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    /** One stand-in for the test JVM, started on first use and stopped when the JVM ends. */
    static synchronized PublicApiStandIn shared() {
        if (shared == null) {
            PublicApiStandIn started = new PublicApiStandIn().start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "public-api-stand-in-stop"));
            shared = started;
        }
        return shared;
    }

    PublicApiStandIn start() {
        server.start();
        stubCatalogue();
        return this;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void stop() {
        server.stop();
    }

    void reset() {
        server.resetAll();
        stubCatalogue();
    }

    private void stubCatalogue() {
        // the official forms of any dossier the caller may see (the detail, asked first, answers 404 for the others)
        server.stubFor(get(urlPathMatching("/api/v1/dossiers/[^/]+/forms"))
                .atPriority(15)
                .willReturn(okJson("[{\"form\":\"01\",\"title\":\"Giấy tiếp nhận hồ sơ và hẹn trả kết quả\","
                        + "\"url\":\"/api/v1/dossiers/x/forms/01\"}]")));
        server.stubFor(get(urlPathMatching("/api/v1/dossiers/[^/]+/forms/01"))
                .atPriority(15)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "inline; filename=\"Mau-so-01.pdf\"")
                        .withBody("%PDF-1.7 form 01")));
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures"))
                .atPriority(10)
                .willReturn(okJson(page(BIRTH, MARRIAGE, BUSINESS, JUDICIAL))));
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("q", equalTo("dang ky khai sinh"))
                .atPriority(1)
                .willReturn(okJson(page(BIRTH))));
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("q", equalTo("zzz"))
                .atPriority(1)
                .willReturn(okJson(page())));
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures/1.001612")).willReturn(okJson("""
                {"code":"1.001612","name":"Đăng ký thành lập hộ kinh doanh","nameEn":"Household business registration",
                 "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
                 "processingDays":3,"feeVnd":100000,"feeField":null,"feeOptions":null,"mode":"FULL_ONLINE",
                 "requiredLevelOfAssurance":2,
                 "documents":[
                   {"code":"GIAY_DE_NGHI","name":"Giấy đề nghị đăng ký hộ kinh doanh","nameEn":"Application form",
                    "mandatory":true,"allowedTypes":["application/pdf"]},
                   {"code":"HOP_DONG_THUE","name":"Hợp đồng thuê địa điểm kinh doanh","nameEn":"Lease of the premises",
                    "mandatory":false,"allowedTypes":["application/pdf","image/jpeg"]}],
                 "fields":[{"name":"businessName","label":"Tên hộ kinh doanh","labelEn":"Business name","type":"TEXT",
                            "required":true,"options":null,"maxLength":200,"prefill":null}],
                 "agencies":[{"agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình",
                              "receivesOnline":true,"feeVnd":100000,"processingDays":3,"mode":"FULL_ONLINE"}],
                 "channels":[{"agencyCode":null,"channel":"POSTAL","feeVnd":null,"timeLimitAmount":5,"timeLimitUnit":null},
                             {"agencyCode":"000.00.01.H26","channel":"DIRECT","feeVnd":120000,"timeLimitAmount":null,
                              "timeLimitUnit":null}]}""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures/1.001193")).willReturn(okJson("""
                {"code":"1.001193","name":"Đăng ký khai sinh","nameEn":"Birth registration",
                 "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
                 "processingDays":1,"timeLimitUnit":"SAME_DAY","feeVnd":0,"feeField":null,"feeOptions":null,"mode":"FULL_ONLINE",
                 "requiredLevelOfAssurance":1,
                 "documents":[
                   {"code":"TO_KHAI","name":"Tờ khai đăng ký khai sinh","nameEn":"Birth registration form",
                    "mandatory":true,"allowedTypes":["application/pdf"]},
                   {"code":"GIAY_CHUNG_SINH","name":"Giấy chứng sinh","nameEn":"Birth certificate from the hospital",
                    "mandatory":true,"allowedTypes":["application/pdf","image/jpeg","image/png"]}],
                 "fields":[]}""")));
        server.stubFor(
                get(urlPathEqualTo("/api/v1/procedures/9.999999")).willReturn(problem(404, "procedure-not-found")));
        // the right secret opens the status; anything else is the API's 404, as for an unknown code
        server.stubFor(get(urlPathEqualTo("/api/v1/public/dossiers/" + DOSSIER_CODE))
                .willReturn(problem(404, "dossier-not-found")));
        server.stubFor(get(urlPathEqualTo("/api/v1/public/dossiers/" + DOSSIER_CODE))
                .withQueryParam("secret", equalTo(DOSSIER_SECRET))
                .willReturn(okJson("""
                {"code":"%s","status":"IN_PROCESSING","procedureCode":"1.001612",
                 "procedureName":"Đăng ký thành lập hộ kinh doanh","agencyName":"Ủy ban nhân dân phường Ba Đình",
                 "receivedDate":"2026-12-04","appointmentDate":"2026-12-09"}""".formatted(DOSSIER_CODE))));
        server.stubFor(get(urlPathEqualTo("/api/v1/statistics/agencies")).willReturn(okJson("""
                [{"agencyCode":"000.00.11.H26","agencyName":"Sở Tư pháp thành phố Hà Nội","from":"2026-01-01",
                  "to":"2026-12-04","submitted":12,"received":11,"resolvedOnTime":6,"resolvedLate":2,"inProgress":3,
                  "overdue":1,"paused":2,"onlineShare":1.0,"paidOnlineShare":0.75,"averageRating":4.25},
                 {"agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","from":"2026-01-01",
                  "to":"2026-12-04","submitted":40,"received":38,"resolvedOnTime":30,"resolvedLate":0,"inProgress":8,
                  "overdue":0,"paused":1,"onlineShare":0.9,"paidOnlineShare":null,"averageRating":null}]""")));
        server.stubFor(
                get(urlPathEqualTo("/api/v1/public/dossiers/KHONG-CO")).willReturn(problem(404, "dossier-not-found")));
    }

    /** The citizen whose token the signed-in tests carry, and their dossiers (dossier-service's shapes). */
    static final String AN_TOKEN = "access-token-of-an";

    static final String AN_RESOLVED = "000.00.01.H26-261201-0003";

    /**
     * dossier-service's citizen API as it answers An (token {@link #AN_TOKEN}): their two dossiers, one being
     * processed, one whose result was returned; anyone else's code, or any code without An's token, is 404 as
     * the real API answers (never a 403 that would say the dossier exists).
     */
    void stubCitizenApi() {
        var an = equalTo("Bearer " + AN_TOKEN);
        server.stubFor(get(urlPathEqualTo("/api/v1/dossiers"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"items":[
                          {"code":"%s","procedureCode":"1.001612","agencyCode":"000.00.01.H26","status":"IN_PROCESSING",
                           "submittedAt":"2026-12-03T17:30:00Z","dueDate":"2026-12-09","businessTaxCode":null},
                          {"code":"%s","procedureCode":"1.001193","agencyCode":"000.00.01.H26","status":"RESULT_RETURNED",
                           "submittedAt":"2026-12-01T02:00:00Z","dueDate":"2026-12-02","businessTaxCode":null}],
                         "page":0,"size":10,"totalItems":12,"totalPages":2}""".formatted(DOSSIER_CODE, AN_RESOLVED))));
        server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + DOSSIER_CODE))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"code":"%s","procedureCode":"1.001612","procedureName":"Đăng ký thành lập hộ kinh doanh",
                         "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","status":"IN_PROCESSING",
                         "submittedAt":"2026-12-03T17:30:00Z","receivedDate":"2026-12-04","dueDate":"2026-12-09",
                         "overdue":false,"feeVnd":100000,"payment":null,"formData":{"businessName":"Tiệm An"},
                         "missingDocuments":[],"documents":[
                           {"id":"7d0f3c1e-1111-4a2b-9c3d-000000000001","requirementCode":"GIAY_DE_NGHI","kind":"SUBMITTED",
                            "fileName":"giay-de-nghi.pdf","contentType":"application/pdf","sizeBytes":20480,
                            "sha256":"ab","uploadedAt":"2026-12-03T17:30:00Z"}],
                         "businessTaxCode":null,"businessName":null,"lookupSecret":"%s",
                         "caseName":"Hộ kinh doanh do một cá nhân thành lập"}""".formatted(DOSSIER_CODE, DOSSIER_SECRET))));
        server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + DOSSIER_CODE + "/history"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        [{"action":"submit","fromStatus":null,"toStatus":"AWAITING_PAYMENT","actorSubject":"s",
                          "actorRole":"OWNER","reason":null,"note":null,"occurredAt":"2026-12-03T17:30:00Z"},
                         {"action":"pay","fromStatus":"AWAITING_PAYMENT","toStatus":"SUBMITTED","actorSubject":"s",
                          "actorRole":"SYSTEM","reason":null,"note":null,"occurredAt":"2026-12-03T17:40:00Z"},
                         {"action":"receive","fromStatus":"SUBMITTED","toStatus":"RECEIVED","actorSubject":"o",
                          "actorRole":"OFFICER","reason":null,"note":null,"occurredAt":"2026-12-04T01:15:00Z"},
                         {"action":"forward","fromStatus":"RECEIVED","toStatus":"IN_PROCESSING","actorSubject":"o",
                          "actorRole":"OFFICER","reason":null,"note":null,"occurredAt":"2026-12-04T02:00:00Z"}]""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + AN_RESOLVED))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"code":"%s","procedureCode":"1.001193","procedureName":"Đăng ký khai sinh",
                         "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","status":"RESULT_RETURNED",
                         "submittedAt":"2026-12-01T02:00:00Z","receivedDate":"2026-12-01","dueDate":"2026-12-02",
                         "overdue":false,"feeVnd":0,"payment":null,"formData":{},"missingDocuments":[],"documents":[
                           {"id":"7d0f3c1e-1111-4a2b-9c3d-000000000002","requirementCode":"TO_KHAI","kind":"SUBMITTED",
                            "fileName":"to-khai.pdf","contentType":"application/pdf","sizeBytes":1024,
                            "sha256":"cd","uploadedAt":"2026-12-01T02:00:00Z"},
                           {"id":"7d0f3c1e-1111-4a2b-9c3d-000000000003","requirementCode":null,"kind":"RESULT",
                            "fileName":"giay-khai-sinh.pdf","contentType":"application/pdf","sizeBytes":2048,
                            "sha256":"ef","uploadedAt":"2026-12-02T03:00:00Z"}],
                         "businessTaxCode":null,"businessName":null}""".formatted(AN_RESOLVED))));
        server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + AN_RESOLVED + "/history"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        [{"action":"submit","fromStatus":null,"toStatus":"SUBMITTED","actorSubject":"s",
                          "actorRole":"OWNER","reason":null,"note":null,"occurredAt":"2026-12-01T02:00:00Z"},
                         {"action":"return-result","fromStatus":"RESOLVED","toStatus":"RESULT_RETURNED","actorSubject":"o",
                          "actorRole":"OFFICER","reason":null,"note":null,"occurredAt":"2026-12-02T03:00:00Z"}]""")));
        server.stubFor(get(urlPathEqualTo(
                        "/api/v1/dossiers/" + AN_RESOLVED + "/documents/7d0f3c1e-1111-4a2b-9c3d-000000000003"))
                .withHeader("Authorization", an)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"giay-khai-sinh.pdf\"")
                        .withBody("%PDF-1.7 the decision")));
        // someone else's dossier, or no token / another token: the API's 404 (it never says the dossier exists)
        server.stubFor(get(urlPathMatching("/api/v1/dossiers/.+"))
                .atPriority(20)
                .willReturn(problem(404, "dossier-not-found")));
        server.stubFor(post(urlPathMatching("/api/v1/dossiers/.+"))
                .atPriority(20)
                .willReturn(problem(404, "dossier-not-found")));
    }

    /** The next lookup of {@code code} answers with this problem. */
    void failLookup(String code, int status, String problemCode) {
        server.stubFor(get(urlPathEqualTo("/api/v1/public/dossiers/" + code)).willReturn(problem(status, problemCode)));
    }

    /** Every catalogue call breaks the connection, as a dead gateway would. */
    void breakCatalogue() {
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures"))
                .atPriority(0)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String code) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                {"type":"https://egov.vn/problems/%s","title":"raw API title","status":%d,
                 "detail":"raw API detail that must never reach the page","code":"%s","correlationId":"c-1"}""".formatted(code, status, code));
    }

    private static String page(String... items) {
        return """
                {"items":[%s],"page":0,"size":20,"totalItems":%d,"totalPages":%d}""".formatted(String.join(",", items), items.length, items.length == 0 ? 0 : 1);
    }
}
