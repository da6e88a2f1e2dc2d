package vn.egov.payment.vnpay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.payment.vnpay.*}: the merchant's account at a VNPay-protocol (2.1.0) gateway.
 *
 * @param tmnCode the merchant (terminal) code the gateway issued
 * @param hashSecret the HMAC-SHA512 key shared with the gateway; listed in
 *     {@code egov.security.checked-secrets}, so the {@code prod} profile refuses the development value
 * @param payUrl the gateway's pay page
 * @param returnUrl where the gateway sends the browser afterwards (display only)
 * @param expiryMinutes how long an order can be paid ({@code vnp_ExpireDate})
 * @param locale {@code vn} or {@code en}, the pay page's language
 * @param orderType the gateway's goods category of a fee
 * @param apiUrl the gateway's merchant API (transaction query {@code querydr})
 * @param merchantIp this server's address, which the query API asks for
 */
@ConfigurationProperties("egov.payment.vnpay")
public record VnpayProperties(
        String tmnCode,
        String hashSecret,

        @DefaultValue("http://127.0.0.1:8090/paymentv2/vpcpay.html")
        String payUrl,

        @DefaultValue("http://127.0.0.1:8080/thanh-toan/ket-qua")
        String returnUrl,

        @DefaultValue("15") int expiryMinutes,
        @DefaultValue("vn") String locale,
        @DefaultValue("other") String orderType,

        @DefaultValue("http://127.0.0.1:8090/merchant_webapi/api/transaction")
        String apiUrl,

        @DefaultValue("127.0.0.1") String merchantIp) {

    public VnpayProperties {
        if (tmnCode == null || tmnCode.isBlank() || hashSecret == null || hashSecret.isBlank()) {
            throw new IllegalStateException("egov.payment.vnpay.tmn-code and hash-secret must be set");
        }
        if (expiryMinutes < 1) {
            throw new IllegalStateException("egov.payment.vnpay.expiry-minutes must be at least 1");
        }
    }
}
