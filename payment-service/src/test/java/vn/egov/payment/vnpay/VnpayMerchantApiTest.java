package vn.egov.payment.vnpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.egov.payment.order.PaymentOrderBuilder.aPaymentOrder;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.egov.payment.order.GatewayPaymentStatus;
import vn.egov.payment.order.PaymentGatewayAdapter.GatewayUnavailableException;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentStatus;

/** The transaction query's answer is believed only with a valid signature (pipe-joined fields, fixed order). */
class VnpayMerchantApiTest {

    static final String TXN_REF = "2f1c7a4e3b8d4c559e0a1d2b3c4d5e6f";
    final VnpayProperties properties = new VnpayProperties(
            "EGOVDEV1", VnpaySigningTest.SECRET, "http://p", "http://r", 15, "vn", "other", "http://a", "127.0.0.1");
    final VnpayMerchantApi client = new VnpayMerchantApi(properties, null, Clock.systemUTC());
    final PaymentOrder order = aPaymentOrder()
            .withId(UUID.fromString("2f1c7a4e-3b8d-4c55-9e0a-1d2b3c4d5e6f"))
            .withDossier("D-1")
            .withAgency("A")
            .withPayer("payer")
            .withAmount(200_000L)
            .withDescription("fee")
            .withStatus(PaymentStatus.PENDING)
            .build();

    Map<String, String> paidAnswer() throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("vnp_ResponseId", "r1");
        a.put("vnp_Command", "querydr");
        a.put("vnp_ResponseCode", "00");
        a.put("vnp_Message", "QueryDR Success");
        a.put("vnp_TmnCode", "EGOVDEV1");
        a.put("vnp_TxnRef", TXN_REF);
        a.put("vnp_Amount", "20000000");
        a.put("vnp_BankCode", "NCB");
        a.put("vnp_PayDate", "20261122103512");
        a.put("vnp_TransactionNo", "14000001");
        a.put("vnp_TransactionType", "01");
        a.put("vnp_TransactionStatus", "00");
        a.put("vnp_OrderInfo", "Le phi");
        // written by hand in the protocol's order; promotion code and amount are empty
        a.put(
                "vnp_SecureHash",
                VnpaySigningTest.hmacSha512Hex(
                        VnpaySigningTest.SECRET,
                        "r1|querydr|00|QueryDR Success|EGOVDEV1|" + TXN_REF
                                + "|20000000|NCB|20261122103512|14000001|01|00|Le phi||"));
        return a;
    }

    @Test
    void aSignedPaidAnswerSettlesWithTheGatewaysFacts() throws Exception {
        GatewayPaymentStatus status = client.interpret(paidAnswer(), order);
        assertThat(status.outcome()).isEqualTo(GatewayPaymentStatus.Outcome.PAID);
        assertThat(status.amountVnd()).isEqualTo(200_000L);
        assertThat(status.transactionNo()).isEqualTo("14000001");
        assertThat(status.paidAt()).isEqualTo(Instant.parse("2026-11-22T03:35:12Z"));
    }

    @Test
    void aTamperedAnswerIsNotBelieved() throws Exception {
        Map<String, String> answer = paidAnswer();
        answer.put("vnp_Amount", "100");
        assertThatThrownBy(() -> client.interpret(answer, order)).isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    void theRequestIsSignedOverItsFieldsInTheProtocolsOrder() {
        Map<String, String> request = Map.of(
                "vnp_RequestId",
                "q1",
                "vnp_Version",
                "2.1.0",
                "vnp_Command",
                "querydr",
                "vnp_TmnCode",
                "EGOVDEV1",
                "vnp_TxnRef",
                TXN_REF,
                "vnp_TransactionDate",
                "20261122103000",
                "vnp_CreateDate",
                "20261122110000",
                "vnp_IpAddr",
                "127.0.0.1",
                "vnp_OrderInfo",
                "Tra cuu");
        assertThat(VnpayMerchantApi.pipeJoined(request, VnpayMerchantApi.REQUEST_FIELDS))
                .isEqualTo("q1|2.1.0|querydr|EGOVDEV1|" + TXN_REF + "|20261122103000|20261122110000|127.0.0.1|Tra cuu");
    }
}
