package vn.egov.payment.vnpay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The VNPay 2.1.0 signature: the {@code vnp_*} parameters with a value, sorted by name, each name and
 * value URL-encoded as the gateway's reference code does ({@link URLEncoder} with US-ASCII, so a space
 * is {@code +}), joined as a query string; {@code vnp_SecureHash} is the hex HMAC-SHA512 of that
 * string under the merchant's secret. The same string is the redirect URL's query.
 */
public final class VnpaySignature {

    public static final String SECURE_HASH = "vnp_SecureHash";
    public static final String SECURE_HASH_TYPE = "vnp_SecureHashType";

    private final byte[] secret;

    public VnpaySignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical query string of {@code params}, without the hash fields and empty values. */
    public static String canonicalQuery(Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {
            if (value != null && !value.isEmpty() && !SECURE_HASH.equals(name) && !SECURE_HASH_TYPE.equals(name)) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        return query.toString();
    }

    public String sign(Map<String, String> params) {
        return hmacSha512Hex(canonicalQuery(params));
    }

    /** Whether {@code params} carry a {@code vnp_SecureHash} made with our secret over exactly these values. */
    public boolean verify(Map<String, String> params) {
        String given = params.get(SECURE_HASH);
        if (given == null || given.length() != 128) {
            return false;
        }
        byte[] givenBytes;
        try {
            givenBytes = HexFormat.of().parseHex(given.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(sign(params));
        return MessageDigest.isEqual(expected, givenBytes);
    }

    String hmacSha512Hex(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.US_ASCII);
    }
}
