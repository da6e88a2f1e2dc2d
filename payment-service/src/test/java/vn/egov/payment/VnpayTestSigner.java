package vn.egov.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds gateway callbacks the way a VNPay gateway signs them, written apart from the production
 * signer so a test can craft IPNs (tampered, duplicated) that the service has to judge.
 */
final class VnpayTestSigner {

    static final String TMN_CODE = "EGOVDEV1";
    static final String SECRET = "egov-dev-vnpay-hash-secret-0123456789";

    private VnpayTestSigner() {}

    static Map<String, String> ipn(String txnRef, long amountVnd, String responseCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_Amount", Long.toString(amountVnd * 100));
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", "Le phi ho so");
        p.put("vnp_PayDate", "20261122103512");
        p.put("vnp_ResponseCode", responseCode);
        p.put("vnp_TmnCode", TMN_CODE);
        p.put("vnp_TransactionNo", "99" + Math.abs(txnRef.hashCode()));
        p.put("vnp_TransactionStatus", "00".equals(responseCode) ? "00" : "02");
        p.put("vnp_TxnRef", txnRef);
        return p;
    }

    /** The query string with {@code vnp_SecureHash} computed over the (sorted, encoded) parameters. */
    static String signedQuery(Map<String, String> params, String secret) {
        String query = query(params);
        return query + "&vnp_SecureHash=" + hmac(secret, query);
    }

    static String signedQuery(Map<String, String> params) {
        return signedQuery(params, SECRET);
    }

    static String query(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        new TreeMap<>(params)
                .forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.US_ASCII) + "="
                        + URLEncoder.encode(v, StandardCharsets.US_ASCII)));
        return joiner.toString();
    }

    static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
