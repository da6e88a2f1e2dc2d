package vn.egov.payment.vnpay;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.egov.commons.time.VietnamTime;
import vn.egov.payment.order.GatewayPaymentStatus;
import vn.egov.payment.order.PaymentGatewayAdapter;
import vn.egov.payment.order.PaymentOrder;

/** Builds the signed VNPay 2.1.0 redirect URL of an order. */
@Component
class VnpayGatewayAdapter implements PaymentGatewayAdapter {

    static final DateTimeFormatter VNPAY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(VietnamTime.ZONE);

    private final VnpayProperties properties;
    private final VnpaySignature signature;
    private final VnpayMerchantApi queries;

    VnpayGatewayAdapter(VnpayProperties properties, VnpayMerchantApi queries) {
        this.properties = properties;
        this.signature = new VnpaySignature(properties.hashSecret());
        this.queries = queries;
    }

    @Override
    public GatewayPaymentStatus query(PaymentOrder order) {
        return queries.query(order);
    }

    @Override
    public boolean refund(
            PaymentOrder order, java.util.UUID refundId, long amountVnd, boolean full, String requestedBy) {
        String code = queries.refund(order, refundId, amountVnd, full, requestedBy);
        if ("99".equals(code) || "94".equals(code)) {
            // "unknown error" / "duplicate request within the API's time limit": whether the money went back
            // is not known yet; the refund stays REQUESTED and is asked again later with the same request id
            throw new GatewayUnavailableException("refund answered " + code + ", outcome unknown", null);
        }
        return "00".equals(code);
    }

    @Override
    public Duration paymentWindow() {
        return Duration.ofMinutes(properties.expiryMinutes());
    }

    @Override
    public String paymentUrl(PaymentOrder order, String payerIp) {
        return redirectUrl(
                order.txnRef(), order.amountVnd(), order.description(), order.createdAt(), order.expiresAt(), payerIp);
    }

    String redirectUrl(
            String txnRef, long amountVnd, String description, Instant createdAt, Instant expiresAt, String payerIp) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vnp_Version", "2.1.0");
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", properties.tmnCode());
        params.put("vnp_Amount", Long.toString(Math.multiplyExact(amountVnd, 100L)));
        params.put("vnp_CurrCode", "VND");
        params.put("vnp_TxnRef", txnRef);
        params.put("vnp_OrderInfo", orderInfo(description));
        params.put("vnp_OrderType", properties.orderType());
        params.put("vnp_Locale", properties.locale());
        params.put("vnp_ReturnUrl", properties.returnUrl());
        params.put("vnp_IpAddr", payerIp);
        params.put("vnp_CreateDate", VNPAY_TIME.format(createdAt));
        params.put("vnp_ExpireDate", VNPAY_TIME.format(expiresAt));
        String query = VnpaySignature.canonicalQuery(params);
        return properties.payUrl() + "?" + query + "&" + VnpaySignature.SECURE_HASH + "=" + signature.sign(params);
    }

    /**
     * The protocol wants the order description in Vietnamese without diacritics and without special
     * characters: "Lệ phí hồ sơ" becomes "Le phi ho so".
     */
    static String orderInfo(String description) {
        String plain = Normalizer.normalize(description, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .replaceAll("[^A-Za-z0-9 .\\-]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return plain.length() > 255 ? plain.substring(0, 255) : plain;
    }
}
