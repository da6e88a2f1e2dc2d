package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Paying a fee and answering a supplement request, against the stand-ins of payment-service and dossier-service:
 * the pay button only while the fee is due and the order payable, the browser sent to the address the API gave,
 * the return page showing payment-service's state whatever the gateway's query string says, the receipt, and the
 * supplement's multipart request with its errors next to the fields.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class PaymentAndSupplementTest extends WithPublicApi {

    static final byte[] PDF = "%PDF-1.7 a signed form".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void stubs() {
        api.stubCitizenApi();
        PaymentApiStubs.stub(api);
    }

    RequestPostProcessor an() {
        return token(PublicApiStandIn.AN_TOKEN);
    }

    RequestPostProcessor token(String value) {
        var portal = registrations.findByRegistrationId("portal");
        RequestPostProcessor user = oidcLogin().clientRegistration(portal).oidcUser(SignInTest.citizen());
        RequestPostProcessor tokens = oauth2Client()
                .clientRegistration(portal)
                .principalName("001090012345")
                .accessToken(new OAuth2AccessToken(
                        OAuth2AccessToken.TokenType.BEARER,
                        value,
                        Instant.now(),
                        Instant.now().plusSeconds(300)));
        return request -> tokens.postProcessRequest(user.postProcessRequest(request));
    }

    @Test
    void aDossierWaitingForItsFeeOffersThePayButtonWithTheAmount() throws Exception {
        mvc.perform(get("/ho-so/" + PaymentApiStubs.DUE).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Thanh toán lệ phí"),
                                containsString("Hồ sơ đang chờ bạn nộp lệ phí: 100.000 đồng."),
                                containsString("<form class=\"pay\" method=\"post\" action=\"/ho-so/"
                                        + PaymentApiStubs.DUE + "/thanh-toan\">"),
                                containsString("name=\"_csrf\""),
                                containsString(">Thanh toán</button>"),
                                // the address is the API's, used by the POST only: never a link on the page
                                not(containsString("vpcpay")))))
                // the pay form's answer goes to the gateway: the policy lets a form lead there, and nowhere else
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string(
                                "Content-Security-Policy",
                                containsString("form-action 'self' http://127.0.0.1:8090;")));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/payments/" + PaymentApiStubs.DUE_PAYMENT))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN)));
    }

    @Test
    void noPayButtonWhenNothingIsDueOrTheOrderCannotBePaid() throws Exception {
        // fee paid, dossier moved on: no button, the receipt instead
        mvc.perform(get("/ho-so/" + PaymentApiStubs.PAID).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("/thanh-toan\"")),
                                containsString("href=\"/thanh-toan/" + PaymentApiStubs.PAID_PAYMENT + "/bien-lai\""))));
        // being processed, no order: nothing about paying
        mvc.perform(get("/ho-so/" + PublicApiStandIn.DOSSIER_CODE).with(an()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                not(containsString("thanh-toan")),
                                                not(containsString("bien-lai")),
                                                // the procedure's case it was submitted for (decision 58)
                                                containsString(
                                                        "<div><dt>Trường hợp</dt><dd>Hộ kinh doanh do một cá nhân thành lập</dd></div>"))));
        // due, but payment-service says the order expired: no button, a way to look again
        PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "EXPIRED");
        mvc.perform(get("/ho-so/" + PaymentApiStubs.DUE).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hồ sơ đang chờ bạn nộp lệ phí: 100.000 đồng."),
                                not(containsString(">Thanh toán</button>")),
                                containsString(">Kiểm tra lại</a>"))));
    }

    @Test
    void payingSendsTheBrowserToTheGatewaysPageTheApiGaveAndNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/ho-so/" + PaymentApiStubs.DUE + "/thanh-toan").with(an()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/ho-so/" + PaymentApiStubs.DUE + "/thanh-toan")
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PaymentApiStubs.PAYMENT_URL));

        // settled meanwhile (the IPN came first): its outcome page, not the gateway again
        PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "SUCCEEDED");
        mvc.perform(post("/ho-so/" + PaymentApiStubs.DUE + "/thanh-toan")
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT));

        PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "FAILED");
        mvc.perform(post("/ho-so/" + PaymentApiStubs.DUE + "/thanh-toan")
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ho-so/" + PaymentApiStubs.DUE))
                .andExpect(flash().attribute("notice", "payment.not-payable"));
    }

    @Test
    void theReturnPageShowsPaymentServicesStateNotAForgedQueryString() throws Exception {
        String txnRef = PaymentApiStubs.DUE_PAYMENT.replace("-", "");
        // the gateway's parameters as someone could type them: "00" everywhere, a made-up hash
        mvc.perform(get("/thanh-toan/ket-qua")
                        .param("vnp_TxnRef", txnRef.toUpperCase())
                        .param("vnp_ResponseCode", "00")
                        .param("vnp_TransactionStatus", "00")
                        .param("vnp_SecureHash", "forged")
                        .with(an()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT));

        // the order is still PENDING at payment-service (no IPN yet): "waiting", refreshing by itself, never "paid"
        mvc.perform(get("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Đang chờ xác nhận thanh toán · Cổng dịch vụ công</title>"),
                                // no timed reload (WCAG 2.2.1): the user looks again by the link
                                not(containsString("http-equiv=\"refresh\"")),
                                containsString(
                                        "href=\"/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT + "\">Kiểm tra lại</a>"),
                                not(containsString("Đã thanh toán lệ phí")),
                                not(containsString("bien-lai")))));
        api.server.verify(getRequestedFor(urlPathEqualTo("/api/v1/payments/" + PaymentApiStubs.DUE_PAYMENT))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN)));

        // the IPN arrived: paid, with the receipt, no more refreshing
        PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "SUCCEEDED");
        mvc.perform(get("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Đã thanh toán lệ phí</h1>"),
                                containsString("BL-2026-000042"),
                                containsString("href=\"/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT + "/bien-lai\""),
                                not(containsString(">Kiểm tra lại</a>")))));

        // declined at the gateway: failure and a way to pay again (a POST)
        PaymentApiStubs.paymentIs(api, PaymentApiStubs.DUE_PAYMENT, PaymentApiStubs.DUE, "FAILED");
        mvc.perform(get("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT)
                        .param("lang", "en")
                        .with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1>Payment not completed</h1>"),
                                containsString("action=\"/ho-so/" + PaymentApiStubs.DUE + "/thanh-toan\""),
                                containsString(">Pay again</button>"))));
    }

    @Test
    void anotherCitizensPaymentOrAMalformedReturnIsThe404Page() throws Exception {
        mvc.perform(get("/thanh-toan/" + PaymentApiStubs.DUE_PAYMENT).with(token("access-token-of-binh")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<h1>Không tìm thấy trang</h1>")));
        mvc.perform(get("/thanh-toan/" + PaymentApiStubs.PAID_PAYMENT + "/bien-lai")
                        .with(token("access-token-of-binh")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/thanh-toan/ket-qua").param("vnp_TxnRef", "../../api").with(an()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theReturnPageNeedsASignedInUser() throws Exception {
        mvc.perform(get("/thanh-toan/ket-qua").param("vnp_TxnRef", PaymentApiStubs.DUE_PAYMENT.replace("-", "")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dang-nhap"));
    }

    @Test
    void theReceiptShowsPaymentServicesReceipt() throws Exception {
        mvc.perform(get("/thanh-toan/" + PaymentApiStubs.PAID_PAYMENT + "/bien-lai")
                        .with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<title>Biên lai BL-2026-000042 · Cổng dịch vụ công</title>"),
                                containsString("<dd id=\"receipt-number\">BL-2026-000042</dd>"),
                                containsString("<dd id=\"receipt-amount\">100.000 đồng</dd>"),
                                containsString("04/12/2026 08:05"),
                                containsString("14000042"))));
    }

    @Test
    void aSupplementRequestShowsWhatWasAskedAndOneFileInputPerDocument() throws Exception {
        mvc.perform(get("/ho-so/" + PaymentApiStubs.SUPPLEMENT).with(an()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(">Chờ bổ sung hồ sơ</dd>"),
                                containsString("Tờ khai chưa có chữ ký của người đi khai sinh"),
                                containsString("enctype=\"multipart/form-data\""),
                                containsString(
                                        "action=\"/ho-so/" + PaymentApiStubs.SUPPLEMENT + "/bo-sung#supplement\""),
                                containsString("<label for=\"file-TO_KHAI\">Tờ khai đăng ký khai sinh</label>"),
                                containsString("<input type=\"file\" id=\"file-TO_KHAI\" name=\"file-TO_KHAI\""
                                        + " accept=\"application/pdf\""),
                                containsString("<p class=\"hint\" id=\"file-TO_KHAI-hint\">Tệp PDF, tối đa 10 MB.</p>"),
                                containsString("Tệp PDF, JPEG, PNG, tối đa 10 MB."),
                                containsString("id=\"file-GIAY_CHUNG_SINH\""))));
        // nothing to supplement elsewhere
        mvc.perform(get("/ho-so/" + PublicApiStandIn.DOSSIER_CODE).with(an()))
                .andExpect(content().string(not(containsString("bo-sung"))));
    }

    @Test
    void theSupplementGoesToTheApiAsMultipartWithTheUsersToken() throws Exception {
        String code = PaymentApiStubs.SUPPLEMENT;
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/supplements"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .willReturn(okJson("{\"code\":\"" + code + "\",\"status\":\"RECEIVED\"}")));

        mvc.perform(multipart("/ho-so/" + code + "/bo-sung")
                        .file(new MockMultipartFile("file-TO_KHAI", "to-khai.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile(
                                "file-GIAY_CHUNG_SINH", "C:\\scan\\to-khai.pdf", "application/octet-stream", PNG))
                        .param("note", "Đã ký bổ sung")
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ho-so/" + code))
                .andExpect(flash().attribute("notice", "supplement.sent"));

        api.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/supplements"))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart()
                        .withName("supplement")
                        .withBody(equalToJson("""
                                {"note":"Đã ký bổ sung","documents":[
                                  {"requirementCode":"TO_KHAI","fileName":"to-khai.pdf"},
                                  {"requirementCode":"GIAY_CHUNG_SINH","fileName":"GIAY_CHUNG_SINH-to-khai.pdf"}]}"""))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("files")
                        .withHeader("Content-Disposition", containing("filename=\"to-khai.pdf\""))
                        .withHeader("Content-Type", equalTo("application/pdf"))
                        .withBody(binaryEqualTo(PDF))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("files")
                        .withHeader("Content-Disposition", containing("filename=\"GIAY_CHUNG_SINH-to-khai.pdf\""))
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withBody(binaryEqualTo(PNG))
                        .build()));
    }

    @Test
    void filesThePortalRefusesAreNamedNextToTheirFieldsInThePagesLanguage() throws Exception {
        String code = PaymentApiStubs.SUPPLEMENT;
        // a PNG where only a PDF is taken, and no file for the second document
        mvc.perform(multipart("/ho-so/" + code + "/bo-sung")
                        .file(new MockMultipartFile("file-TO_KHAI", "to-khai.pdf", "application/pdf", PNG))
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p class=\"field-error\" id=\"file-TO_KHAI-error\">"
                                        + "Tệp không đúng loại. Giấy tờ này nhận tệp PDF.</p>"),
                                containsString("aria-describedby=\"file-TO_KHAI-hint file-TO_KHAI-error\""),
                                containsString("<p class=\"field-error\" id=\"file-GIAY_CHUNG_SINH-error\">"
                                        + "Hãy chọn tệp cho giấy tờ này.</p>"),
                                containsString("<a href=\"#file-TO_KHAI\">"))));

        mvc.perform(multipart("/ho-so/" + code + "/bo-sung")
                        .file(new MockMultipartFile("file-TO_KHAI", "to-khai.pdf", "application/pdf", PNG))
                        .param("lang", "en")
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("This type of file is not accepted. This document takes PDF files."),
                                containsString("Choose a file for this document."))));
        api.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/dossiers/" + code + "/supplements")));
    }

    @Test
    void theApisFieldErrorsGoNextToTheDocumentTheyNameAndTheNoteIsKept() throws Exception {
        String code = PaymentApiStubs.SUPPLEMENT;
        api.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        urlPathEqualTo("/api/v1/dossiers/" + code + "/supplements"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type":"about:blank","title":"t","status":400,"detail":"raw","code":"validation-failed",
                                 "errors":[{"field":"documents[1].fileName","code":"content-type-not-allowed",
                                            "message":"Tệp chứng sinh.png có loại không được chấp nhận."}]}""")));

        mvc.perform(multipart("/ho-so/" + code + "/bo-sung")
                        .file(new MockMultipartFile("file-TO_KHAI", "to-khai.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("file-GIAY_CHUNG_SINH", "chung-sinh.png", "image/png", PNG))
                        .param("note", "Ghi chú của tôi")
                        .with(an())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p class=\"field-error\" id=\"file-GIAY_CHUNG_SINH-error\">"
                                        + "Tệp chứng sinh.png có loại không được chấp nhận.</p>"),
                                not(containsString("id=\"file-TO_KHAI-error\"")),
                                containsString(">Ghi chú của tôi</textarea>"),
                                not(containsString("raw")))));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(value);
    }
}
