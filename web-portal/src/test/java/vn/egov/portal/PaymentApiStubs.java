package vn.egov.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * payment-service's and dossier-service's answers for the payment and supplement pages, in the APIs' shapes
 * (PaymentOrderController, ReceiptController, DossierView with its {@code payment} link), for An's token only
 * (anyone else: the stand-in's 404 for dossiers, and here for payments).
 */
final class PaymentApiStubs {

    /** A dossier waiting for its fee, with a payment order PENDING at payment-service. */
    static final String DUE = "000.00.01.H26-261204-0011";

    static final String DUE_PAYMENT = "5b1e0c44-9f3a-4c1e-8a7b-0d2c3e4f5a61";

    static final String PAYMENT_URL = "http://127.0.0.1:8090/paymentv2/vpcpay.html?vnp_Amount=10000000"
            + "&vnp_OrderInfo=Le+phi+ho+so&vnp_TxnRef=5b1e0c449f3a4c1e8a7b0d2c3e4f5a61&vnp_SecureHash=ab12";

    /** A dossier whose fee was paid (SUBMITTED), its order SUCCEEDED with a receipt. */
    static final String PAID = "000.00.01.H26-261204-0012";

    static final String PAID_PAYMENT = "6c2f1d55-0a4b-4d2f-9b8c-1e3d4f5a6b72";

    /** A dossier the agency asked to supplement with both of the birth registration's documents. */
    static final String SUPPLEMENT = "000.00.01.H26-261204-0013";

    private PaymentApiStubs() {}

    static void stub(PublicApiStandIn api) {
        var an = equalTo("Bearer " + PublicApiStandIn.AN_TOKEN);
        // anyone else's order, or none: payment-service's 404 (it never says the order exists)
        api.server.stubFor(get(urlPathMatching("/api/v1/payments/.+"))
                .atPriority(20)
                .willReturn(PublicApiStandIn.problem(404, "payment-not-found")));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + DUE))
                .withHeader("Authorization", an)
                .willReturn(okJson(dossier(
                        DUE,
                        "1.001612",
                        "Đăng ký thành lập hộ kinh doanh",
                        "AWAITING_PAYMENT",
                        "{\"id\":\"%s\",\"amount\":100000,\"paymentUrl\":\"%s\"}".formatted(DUE_PAYMENT, PAYMENT_URL),
                        "[]"))));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + DUE + "/history"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        [{"action":"submit","fromStatus":null,"toStatus":"AWAITING_PAYMENT","actorSubject":"s",
                          "actorRole":"OWNER","reason":null,"note":null,"occurredAt":"2026-12-04T01:00:00Z"}]""")));
        paymentIs(api, DUE_PAYMENT, DUE, "PENDING");

        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + PAID))
                .withHeader("Authorization", an)
                .willReturn(okJson(dossier(
                        PAID,
                        "1.001612",
                        "Đăng ký thành lập hộ kinh doanh",
                        "SUBMITTED",
                        "{\"id\":\"%s\",\"amount\":100000,\"paymentUrl\":null}".formatted(PAID_PAYMENT),
                        "[]"))));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + PAID + "/history"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        [{"action":"submit","fromStatus":null,"toStatus":"AWAITING_PAYMENT","actorSubject":"s",
                          "actorRole":"OWNER","reason":null,"note":null,"occurredAt":"2026-12-04T01:00:00Z"},
                         {"action":"pay","fromStatus":"AWAITING_PAYMENT","toStatus":"SUBMITTED","actorSubject":"s",
                          "actorRole":"SYSTEM","reason":null,"note":"receipt BL-2026-000042","occurredAt":"2026-12-04T01:05:00Z"}]""")));
        paymentIs(api, PAID_PAYMENT, PAID, "SUCCEEDED");
        receiptOf(api, PAID_PAYMENT, PAID);

        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + SUPPLEMENT))
                .withHeader("Authorization", an)
                .willReturn(okJson(dossier(
                        SUPPLEMENT,
                        "1.001193",
                        "Đăng ký khai sinh",
                        "AWAITING_SUPPLEMENT",
                        "null",
                        "[\"TO_KHAI\",\"GIAY_CHUNG_SINH\"]"))));
        api.server.stubFor(get(urlPathEqualTo("/api/v1/dossiers/" + SUPPLEMENT + "/history"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        [{"action":"submit","fromStatus":null,"toStatus":"SUBMITTED","actorSubject":"s",
                          "actorRole":"OWNER","reason":null,"note":null,"occurredAt":"2026-12-04T01:00:00Z"},
                         {"action":"receive","fromStatus":"SUBMITTED","toStatus":"RECEIVED","actorSubject":"o",
                          "actorRole":"OFFICER","reason":null,"note":null,"occurredAt":"2026-12-04T02:00:00Z"},
                         {"action":"request-supplement","fromStatus":"RECEIVED","toStatus":"AWAITING_SUPPLEMENT",
                          "actorSubject":"o","actorRole":"OFFICER","reason":"Tờ khai chưa có chữ ký của người đi khai sinh",
                          "note":null,"occurredAt":"2026-12-04T03:00:00Z"}]""")));
    }

    /** payment-service's e-receipt of a paid order (BL-2026-000042). */
    static void receiptOf(PublicApiStandIn api, String id, String dossier) {
        var an = equalTo("Bearer " + PublicApiStandIn.AN_TOKEN);
        api.server.stubFor(get(urlPathEqualTo("/api/v1/payments/" + id + "/receipt"))
                .withHeader("Authorization", an)
                .willReturn(okJson("""
                        {"receiptNumber":"BL-2026-000042","paymentId":"%s","dossierCode":"%s",
                         "agencyCode":"000.00.01.H26","amountVnd":100000,"paidAt":"2026-12-04T01:05:00Z",
                         "paidAtLocal":"08:05:00 04/12/2026","gatewayTransactionNo":"14000042","bankCode":"NCB",
                         "status":"SUCCEEDED","refundedVnd":0}""".formatted(id, dossier))));
    }

    /** payment-service's answer for the order from now on: its status (with the page address while PENDING). */
    static void paymentIs(PublicApiStandIn api, String id, String dossier, String status) {
        paymentIs(api, id, dossier, status, PAYMENT_URL);
    }

    /** The same, with the gateway page's address the order gives while PENDING. */
    static void paymentIs(PublicApiStandIn api, String id, String dossier, String status, String paymentUrl) {
        boolean paid = status.equals("SUCCEEDED");
        api.server.stubFor(get(urlPathEqualTo("/api/v1/payments/" + id))
                .withHeader("Authorization", equalTo("Bearer " + PublicApiStandIn.AN_TOKEN))
                .willReturn(okJson("""
                        {"id":"%s","dossierCode":"%s","agencyCode":"000.00.01.H26","amountVnd":100000,"status":"%s",
                         "createdAt":"2026-12-04T01:00:00Z","expiresAt":"2026-12-04T01:15:00Z","paymentUrl":%s,
                         "receiptNumber":%s,"paidAt":%s,"refundedVnd":0}""".formatted(
                                id,
                                dossier,
                                status,
                                status.equals("PENDING") ? "\"" + paymentUrl + "\"" : "null",
                                paid ? "\"BL-2026-000042\"" : "null",
                                paid ? "\"2026-12-04T01:05:00Z\"" : "null"))));
    }

    static String dossier(String code, String procedure, String name, String status, String payment, String missing) {
        return """
                {"code":"%s","procedureCode":"%s","procedureName":"%s",
                 "agencyCode":"000.00.01.H26","agencyName":"Ủy ban nhân dân phường Ba Đình","status":"%s",
                 "submittedAt":"2026-12-04T01:00:00Z","receivedDate":null,"dueDate":null,
                 "overdue":false,"feeVnd":%d,"payment":%s,"formData":{},
                 "missingDocuments":%s,"documents":[],"businessTaxCode":null,"businessName":null}""".formatted(code, procedure, name, status, payment.equals("null") ? 0 : 100000, payment, missing);
    }
}
