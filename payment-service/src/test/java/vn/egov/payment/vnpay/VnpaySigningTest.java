package vn.egov.payment.vnpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Known vectors for the VNPay 2.1.0 signature. The expected query strings are written by hand and the
 * expected hashes computed here with {@link Mac} (and, as literals, with
 * {@code printf '%s' "$QUERY" | openssl dgst -sha512 -hmac "$SECRET"}), never through the production code.
 */
class VnpaySigningTest {

    static final String SECRET = "egov-dev-vnpay-hash-secret-0123456789";

    /** Sorted by name; spaces as '+', ':' and '/' percent-encoded, '.' and '-' left alone. */
    static final String PAY_QUERY = "vnp_Amount=20000000&vnp_Command=pay&vnp_CreateDate=20261122103000"
            + "&vnp_CurrCode=VND&vnp_ExpireDate=20261122104500&vnp_IpAddr=127.0.0.1&vnp_Locale=vn"
            + "&vnp_OrderInfo=Le+phi+ho+so+000.00.11.H26-261122-0001&vnp_OrderType=other"
            + "&vnp_ReturnUrl=http%3A%2F%2F127.0.0.1%3A8080%2Fapi%2Fv1%2Fpayments%2Fvnpay%2Freturn"
            + "&vnp_TmnCode=EGOVDEV1&vnp_TxnRef=2f1c7a4e3b8d4c559e0a1d2b3c4d5e6f&vnp_Version=2.1.0";

    static final String PAY_HASH_OPENSSL = "7cb4a9962d460160f4490fb06788d278214d5b5bac7b2212371b606100f11cf7"
            + "3345439629ba6fac3bafb48afbe151dd2f562be883e903e2b997761d7514d3d3";

    static final String IPN_QUERY = "vnp_Amount=20000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14000001"
            + "&vnp_CardType=ATM&vnp_OrderInfo=Le+phi+ho+so+000.00.11.H26-261122-0001&vnp_PayDate=20261122103512"
            + "&vnp_ResponseCode=00&vnp_TmnCode=EGOVDEV1&vnp_TransactionNo=14000001&vnp_TransactionStatus=00"
            + "&vnp_TxnRef=2f1c7a4e3b8d4c559e0a1d2b3c4d5e6f";
    static final String IPN_HASH_OPENSSL = "dbe61e65e5249983ccef3795a8249eeccbab2e8ca4cc9ebc3f0158bac0cc921a"
            + "32dccd6535a71cc7debb39affaae3652474e87716f1a79615454d46983a4e03a";

    final VnpayProperties properties = new VnpayProperties(
            "EGOVDEV1",
            SECRET,
            "http://127.0.0.1:8090/paymentv2/vpcpay.html",
            "http://127.0.0.1:8080/api/v1/payments/vnpay/return",
            15,
            "vn",
            "other",
            "http://127.0.0.1:8090/merchant_webapi/api/transaction",
            "127.0.0.1");

    static String hmacSha512Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHandWrittenVectorsAgreeWithOpenssl() throws Exception {
        assertThat(hmacSha512Hex(SECRET, PAY_QUERY)).isEqualTo(PAY_HASH_OPENSSL);
        assertThat(hmacSha512Hex(SECRET, IPN_QUERY)).isEqualTo(IPN_HASH_OPENSSL);
    }

    @Test
    void theRedirectUrlIsTheSortedEncodedQuerySignedWithTheMerchantSecret() {
        String url = new VnpayGatewayAdapter(properties, null)
                .redirectUrl(
                        "2f1c7a4e3b8d4c559e0a1d2b3c4d5e6f",
                        200_000L,
                        "Lệ phí hồ sơ 000.00.11.H26-261122-0001",
                        // 03:30 UTC is 10:30 in Vietnam: the protocol's times are Vietnam time
                        Instant.parse("2026-11-22T03:30:00Z"),
                        Instant.parse("2026-11-22T03:45:00Z"),
                        "127.0.0.1");

        assertThat(url)
                .isEqualTo("http://127.0.0.1:8090/paymentv2/vpcpay.html?" + PAY_QUERY + "&vnp_SecureHash="
                        + PAY_HASH_OPENSSL);
    }

    @Test
    void anIpnSignedByTheGatewayVerifiesAndAnyChangeBreaksIt() {
        Map<String, String> ipn = ipnParams();
        ipn.put("vnp_SecureHash", IPN_HASH_OPENSSL);
        VnpaySignature signature = new VnpaySignature(SECRET);
        assertThat(signature.verify(ipn)).isTrue();

        // the gateway may name the hash type; it is not part of what is signed
        ipn.put("vnp_SecureHashType", "HmacSHA512");
        assertThat(signature.verify(ipn)).isTrue();
        // upper-case hex is the same hash
        ipn.put("vnp_SecureHash", IPN_HASH_OPENSSL.toUpperCase());
        assertThat(signature.verify(ipn)).isTrue();

        Map<String, String> tampered = ipnParams();
        tampered.put("vnp_Amount", "100");
        tampered.put("vnp_SecureHash", IPN_HASH_OPENSSL);
        assertThat(signature.verify(tampered)).isFalse();

        Map<String, String> otherSecret = ipnParams();
        otherSecret.put("vnp_SecureHash", IPN_HASH_OPENSSL);
        assertThat(new VnpaySignature("another-merchant-secret-xyz").verify(otherSecret))
                .isFalse();

        Map<String, String> unsigned = ipnParams();
        assertThat(signature.verify(unsigned)).isFalse();
        unsigned.put("vnp_SecureHash", "not-hex");
        assertThat(signature.verify(unsigned)).isFalse();
    }

    @Test
    void emptyValuesAreLeftOutOfWhatIsSigned() {
        Map<String, String> ipn = ipnParams();
        ipn.put("vnp_CardType", "ATM");
        ipn.put("vnp_Extra", "");
        assertThat(VnpaySignature.canonicalQuery(ipn)).isEqualTo(IPN_QUERY);
    }

    @Test
    void orderInfoIsVietnameseWithoutDiacriticsOrSpecialCharacters() {
        assertThat(VnpayGatewayAdapter.orderInfo("Lệ phí đăng ký hộ kinh doanh: #42 <b>Đà Nẵng</b>"))
                .isEqualTo("Le phi dang ky ho kinh doanh 42 b Da Nang b");
    }

    static Map<String, String> ipnParams() {
        Map<String, String> p = new LinkedHashMap<>();
        // deliberately not in order
        p.put("vnp_TxnRef", "2f1c7a4e3b8d4c559e0a1d2b3c4d5e6f");
        p.put("vnp_ResponseCode", "00");
        p.put("vnp_Amount", "20000000");
        p.put("vnp_TmnCode", "EGOVDEV1");
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_BankTranNo", "VNP14000001");
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", "Le phi ho so 000.00.11.H26-261122-0001");
        p.put("vnp_PayDate", "20261122103512");
        p.put("vnp_TransactionNo", "14000001");
        p.put("vnp_TransactionStatus", "00");
        return p;
    }
}
