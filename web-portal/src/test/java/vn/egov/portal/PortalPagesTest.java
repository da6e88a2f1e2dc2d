package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The pages' controllers and templates against a real HTTP stand-in of the public API. */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class PortalPagesTest extends WithPublicApi {

    @Autowired
    MockMvc mvc;

    @Test
    void homeIsVietnameseByDefaultWithTheMostUsedProceduresInTheConfiguredOrder() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"vi\""),
                                containsString("<title>Trang chủ · Cổng dịch vụ công</title>"),
                                containsString("Thủ tục được sử dụng nhiều"),
                                containsString("href=\"/thu-tuc/1.001193\""),
                                containsString("100.000 đồng"))))
                .andExpect(content()
                        .string(PageOrder.of(
                                "Đăng ký khai sinh",
                                "Đăng ký thành lập hộ kinh doanh",
                                "Cấp phiếu lý lịch tư pháp",
                                "Đăng ký kết hôn")));
    }

    @Test
    void searchWithoutAccentsPassesTheTextToTheApiAndListsWhatItFinds() throws Exception {
        mvc.perform(get("/thu-tuc").param("q", "  dang ky khai sinh "))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "<title>Kết quả tìm kiếm: dang ky khai sinh · Cổng dịch vụ công</title>"),
                                containsString("1 thủ tục"),
                                containsString(">Đăng ký khai sinh</a>"),
                                not(containsString("Đăng ký kết hôn")))));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/procedures"))
                .withQueryParam("q", equalTo("dang ky khai sinh")));
    }

    @Test
    void theApiHearsThePersonsAddressNotThePortals() throws Exception {
        // behind the gateway Tomcat has already taken the person's address from the gateway's X-Forwarded-For
        mvc.perform(get("/thu-tuc").param("q", "khai sinh").with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                }))
                .andExpect(status().isOk());
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/procedures"))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.7")));
    }

    @Test
    void searchThatFindsNothingSaysSo() throws Exception {
        mvc.perform(get("/thu-tuc").param("q", "zzz"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không tìm thấy thủ tục nào phù hợp với “zzz”")));
    }

    /** Decision 61: a procedure whose online dossiers the province's service centre receives says so. */
    @Test
    void aProcedureWhoseOnlineDossiersACentreReceivesNamesTheCentre() throws Exception {
        api.server.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/procedures/2.001199"))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"code":"2.001199","name":"Đăng ký thành lập công ty cổ phần","nameEn":null,
                         "agencyCode":"000.00.15.H26","agencyName":"Sở Tài chính thành phố Hà Nội","level":"PROVINCE",
                         "processingDays":3,"feeVnd":0,"mode":"FULL_ONLINE","requiredLevelOfAssurance":2,
                         "documents":[],"fields":[],
                         "agencies":[{"agencyCode":"000.00.15.H26","agencyName":"Sở Tài chính thành phố Hà Nội",
                                      "receivesOnline":true,"feeVnd":0,"processingDays":3,"mode":"FULL_ONLINE",
                                      "receivedBy":"000.00.90.H26",
                                      "receivedByName":"Trung tâm Phục vụ hành chính công thành phố Hà Nội"}]}""")));
        mvc.perform(get("/thu-tuc/2.001199"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<dt>Nơi tiếp nhận hồ sơ trực tuyến</dt>"),
                                containsString("<dd>Trung tâm Phục vụ hành chính công thành phố Hà Nội</dd>"))));
        mvc.perform(get("/thu-tuc/1.001612"))
                .andExpect(content().string(not(containsString("Nơi tiếp nhận hồ sơ trực tuyến"))));
    }

    @Test
    void procedureDetailShowsAgencyFeeTimeLimitDocumentsAndOnlineLevel() throws Exception {
        mvc.perform(get("/thu-tuc/1.001612"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Đăng ký thành lập hộ kinh doanh</h1>"),
                                containsString("Ủy ban nhân dân phường Ba Đình"),
                                containsString("100.000 đồng"),
                                containsString("3 ngày làm việc"),
                                containsString("Giấy đề nghị đăng ký hộ kinh doanh"),
                                containsString("Bắt buộc"),
                                containsString("Không bắt buộc"),
                                containsString("Dịch vụ công trực tuyến toàn trình"),
                                containsString("Định danh điện tử mức 2"))));
        // what differs by channel (decision 56): by post the time limit, at Ba Đình's counter the fee
        mvc.perform(get("/thu-tuc/1.001612"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<dt>Theo hình thức nộp</dt>"),
                                containsString(
                                        "<li><span>Nộp qua bưu chính công ích</span>: <span>5 ngày làm việc</span></li>"),
                                containsString(
                                        "<li><span>Nộp trực tiếp</span><span> (Ủy ban nhân dân phường Ba Đình)</span>: "
                                                + "<span>120.000 đồng</span></li>"))));
    }

    @Test
    void englishIsChosenWithTheSwitchAndRememberedInACookie() throws Exception {
        mvc.perform(get("/thu-tuc/1.001612").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("egov_lang", "en"))
                .andExpect(cookie().httpOnly("egov_lang", true))
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"en\""),
                                containsString("<h1>Household business registration</h1>"),
                                containsString("100,000 VND"),
                                containsString("3 working days"),
                                containsString("Application form"))));
        mvc.perform(get("/").cookie(new Cookie("egov_lang", "en")))
                .andExpect(content().string(containsString("Most used procedures")));
    }

    @Test
    void theLanguageSwitchLeadsBackToTheSamePageAndQuery() throws Exception {
        mvc.perform(get(java.net.URI.create("/thu-tuc?q=dang%20ky%20khai%20sinh")))
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/thu-tuc?q=dang%20ky%20khai%20sinh&amp;lang=en\""),
                                containsString("href=\"/thu-tuc?q=dang%20ky%20khai%20sinh&amp;lang=vi\""))));
    }

    @Test
    void anUnknownProcedureIsTheNotFoundPage() throws Exception {
        mvc.perform(get("/thu-tuc/9.999999"))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Không tìm thấy trang</h1>"), not(containsString("raw API")))));
    }

    @Test
    void publicLookupShowsStatusAndDatesOnly() throws Exception {
        // typed as people type from a receipt; the API is given it unchanged and ignores case and hyphens
        mvc.perform(get("/tra-cuu")
                        .param("code", PublicApiStandIn.DOSSIER_CODE)
                        .param("secret", " " + PublicApiStandIn.DOSSIER_SECRET + " "))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hồ sơ " + PublicApiStandIn.DOSSIER_CODE),
                                containsString("Đang xử lý"),
                                containsString("04/12/2026"),
                                containsString("09/12/2026"))));
    }

    @Test
    void lookupOfAnUnknownCodeSaysSoNextToTheField() throws Exception {
        mvc.perform(get("/tra-cuu").param("code", "KHONG-CO").param("secret", "ABCD2345"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này."),
                                containsString("aria-invalid=\"true\""),
                                containsString("value=\"KHONG-CO\""))));
    }

    @Test
    void aWrongSecretIsAnsweredLikeAnUnknownCode() throws Exception {
        mvc.perform(get("/tra-cuu").param("code", PublicApiStandIn.DOSSIER_CODE).param("secret", "ABCD2345"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này."),
                                not(containsString("Đang xử lý")),
                                containsString("value=\"ABCD2345\""))));
        mvc.perform(get("/tra-cuu").param("code", PublicApiStandIn.DOSSIER_CODE).param("secret", ""))
                .andExpect(content()
                        .string(allOf(
                                containsString("<p id=\"secret-error\" class=\"field-error\">Hãy nhập mã tra cứu.</p>"),
                                not(containsString("Đang xử lý")))));
        api.server.verify(1, getRequestedFor(urlPathMatching("/api/v1/public/dossiers/.*")));
    }

    @Test
    void lookupChecksTheCodeBeforeAskingTheApi() throws Exception {
        mvc.perform(get("/tra-cuu").param("code", "<script>").param("secret", "ABCD2345"))
                .andExpect(content()
                        .string(allOf(containsString("Mã hồ sơ chỉ gồm chữ, số"), not(containsString("<script>")))));
        mvc.perform(get("/tra-cuu")
                        .param("code", " ")
                        .param("secret", "ABCD2345")
                        .cookie(new Cookie("egov_lang", "en")))
                .andExpect(content().string(containsString("Enter a dossier code.")));
        api.server.verify(0, getRequestedFor(urlPathMatching("/api/v1/public/dossiers/.*")));
    }

    @Test
    void apiProblemsAreASentenceInTheUsersLanguage() throws Exception {
        api.failLookup("000.00.01.H26-261204-0009", 429, "rate-limited");
        mvc.perform(get("/tra-cuu").param("code", "000.00.01.H26-261204-0009").param("secret", "ABCD2345"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content()
                        .string(allOf(
                                containsString("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn."),
                                not(containsString("raw API")),
                                not(containsString("rate-limited")))));
        api.failLookup("000.00.01.H26-261204-0009", 503, "upstream-unavailable");
        mvc.perform(get("/tra-cuu")
                        .param("code", "000.00.01.H26-261204-0009")
                        .param("secret", "ABCD2345")
                        .param("lang", "en"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("This service is temporarily unavailable.")));
        api.failLookup("000.00.01.H26-261204-0009", 500, "some-new-code");
        mvc.perform(get("/tra-cuu").param("code", "000.00.01.H26-261204-0009").param("secret", "ABCD2345"))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(containsString("Hệ thống chưa xử lý được yêu cầu.")));
    }

    @Test
    void anUnreachableApiIsASentenceToo() throws Exception {
        api.breakCatalogue();
        mvc.perform(get("/"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hệ thống dịch vụ công tạm thời không phản hồi."),
                                not(containsString("Exception")))));
    }

    @Test
    void helpWorksWithoutTheApi() throws Exception {
        api.breakCatalogue();
        mvc.perform(get("/tro-giup"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("<h1>Hỗ trợ và liên hệ</h1>"), containsString("1900 0000"))));
    }

    @Test
    void statisticsAreDrawnOnTheServerWithTheFiguresInATable() throws Exception {
        mvc.perform(get("/thong-ke"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Thống kê giải quyết hồ sơ</h1>"),
                                containsString("Từ 01/01/2026 đến 04/12/2026"),
                                containsString("<svg"),
                                // 6 of 8 on time: 75 % of the scale, drawn on 80 % of the width
                                containsString("width=\"60.0%\""),
                                containsString(">75 %<"),
                                containsString(">4,3 / 5<"),
                                containsString(">Chưa có<"),
                                // the open data behind the figures, per agency, sector and channel
                                containsString("href=\"/api/v1/statistics/dossiers?format=csv\""),
                                containsString("href=\"/api/v1/statistics/dossiers\""),
                                not(containsString("<script")))))
                // the busiest agency first
                .andExpect(content()
                        .string(PageOrder.of("Ủy ban nhân dân phường Ba Đình", "Sở Tư pháp thành phố Hà Nội")));
        mvc.perform(get("/thong-ke").param("lang", "en"))
                .andExpect(content()
                        .string(allOf(
                                containsString("Resolved on time"),
                                containsString(">75%<"),
                                containsString(">4.3 / 5<"))));
    }

    @Test
    void everyPageCarriesAPolicyWithoutInlineScriptsOrStyles() throws Exception {
        mvc.perform(get("/tro-giup"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                allOf(
                                        containsString("script-src 'self'"),
                                        containsString("style-src 'self'"),
                                        not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(allOf(not(containsString("<script")), not(containsString("style=\"")))));
    }
}
