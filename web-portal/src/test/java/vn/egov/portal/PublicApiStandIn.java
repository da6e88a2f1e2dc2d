package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
             "processingDays":1,"feeVnd":0,"mode":"FULL_ONLINE","requiredLevelOfAssurance":1}""";
    static final String BUSINESS = """
            {"code":"2.000575","name":"Đăng ký thành lập hộ kinh doanh","nameEn":"Household business registration",
             "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
             "processingDays":3,"feeVnd":100000,"mode":"FULL_ONLINE","requiredLevelOfAssurance":2}""";
    static final String JUDICIAL = """
            {"code":"2.000908","name":"Cấp phiếu lý lịch tư pháp","nameEn":"Judicial record certificate",
             "agencyCode":"000.00.11.H26","agencyName":"Sở Tư pháp thành phố Hà Nội","level":"PROVINCE",
             "processingDays":10,"feeVnd":200000,"mode":"FULL_ONLINE","requiredLevelOfAssurance":2}""";
    static final String MARRIAGE = """
            {"code":"1.000894","name":"Đăng ký kết hôn","nameEn":"Marriage registration",
             "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
             "processingDays":5,"feeVnd":0,"mode":"PARTIAL_ONLINE","requiredLevelOfAssurance":2}""";

    static final String DOSSIER_CODE = "000.00.01.H26-261204-0007";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

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
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures/2.000575")).willReturn(okJson("""
                {"code":"2.000575","name":"Đăng ký thành lập hộ kinh doanh","nameEn":"Household business registration",
                 "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
                 "processingDays":3,"feeVnd":100000,"feeField":null,"feeOptions":null,"mode":"FULL_ONLINE",
                 "requiredLevelOfAssurance":2,
                 "documents":[
                   {"code":"GIAY_DE_NGHI","name":"Giấy đề nghị đăng ký hộ kinh doanh","nameEn":"Application form",
                    "mandatory":true,"allowedTypes":["application/pdf"]},
                   {"code":"HOP_DONG_THUE","name":"Hợp đồng thuê địa điểm kinh doanh","nameEn":"Lease of the premises",
                    "mandatory":false,"allowedTypes":["application/pdf","image/jpeg"]}],
                 "fields":[{"name":"businessName","label":"Tên hộ kinh doanh","labelEn":"Business name","type":"TEXT",
                            "required":true,"options":null,"maxLength":200,"prefill":null}]}""")));
        server.stubFor(get(urlPathEqualTo("/api/v1/procedures/1.001193")).willReturn(okJson("""
                {"code":"1.001193","name":"Đăng ký khai sinh","nameEn":"Birth registration",
                 "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","level":"COMMUNE",
                 "processingDays":1,"feeVnd":0,"feeField":null,"feeOptions":null,"mode":"FULL_ONLINE",
                 "requiredLevelOfAssurance":1,
                 "documents":[
                   {"code":"TO_KHAI","name":"Tờ khai đăng ký khai sinh","nameEn":"Birth registration form",
                    "mandatory":true,"allowedTypes":["application/pdf"]},
                   {"code":"GIAY_CHUNG_SINH","name":"Giấy chứng sinh","nameEn":"Birth certificate from the hospital",
                    "mandatory":true,"allowedTypes":["application/pdf","image/jpeg","image/png"]}],
                 "fields":[]}""")));
        server.stubFor(
                get(urlPathEqualTo("/api/v1/procedures/9.999999")).willReturn(problem(404, "procedure-not-found")));
        server.stubFor(get(urlPathEqualTo("/api/v1/public/dossiers/" + DOSSIER_CODE))
                .willReturn(okJson("""
                {"code":"%s","status":"IN_PROCESSING","procedureCode":"2.000575",
                 "procedureName":"Đăng ký thành lập hộ kinh doanh","agencyName":"Ủy ban nhân dân phường Ba Đình",
                 "receivedDate":"2026-12-04","appointmentDate":"2026-12-09"}""".formatted(DOSSIER_CODE))));
        server.stubFor(get(urlPathEqualTo("/api/v1/statistics/agencies")).willReturn(okJson("""
                [{"agencyCode":"000.00.11.H26","agencyName":"Sở Tư pháp thành phố Hà Nội","from":"2026-01-01",
                  "to":"2026-12-04","submitted":12,"received":11,"resolvedOnTime":6,"resolvedLate":2,"inProgress":3,
                  "overdue":1,"onlineShare":1.0,"paidOnlineShare":0.75,"averageRating":4.25},
                 {"agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","from":"2026-01-01",
                  "to":"2026-12-04","submitted":40,"received":38,"resolvedOnTime":30,"resolvedLate":0,"inProgress":8,
                  "overdue":0,"onlineShare":0.9,"paidOnlineShare":null,"averageRating":null}]""")));
        server.stubFor(
                get(urlPathEqualTo("/api/v1/public/dossiers/KHONG-CO")).willReturn(problem(404, "dossier-not-found")));
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
