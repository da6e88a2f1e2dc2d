package vn.egov.portal.payment;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment gateway as the browser reaches it.
 *
 * @param gatewayOrigin the origin (scheme, host, port) of the gateway's pay page: the "pay" form's answer redirects
 *     the browser there, which the pages' {@code form-action} (Content-Security-Policy) must allow — Chromium checks
 *     the redirects after a form is sent too. The devstack simulator's by default; VNPay's in production.
 */
@ConfigurationProperties("egov.portal.payment")
public record PaymentProperties(
        @DefaultValue("http://127.0.0.1:8090") URI gatewayOrigin) {

    public PaymentProperties {
        if (gatewayOrigin.getScheme() == null
                || gatewayOrigin.getHost() == null
                || (gatewayOrigin.getRawPath() != null
                        && !gatewayOrigin.getRawPath().isEmpty()
                        && !"/".equals(gatewayOrigin.getRawPath()))) {
            throw new IllegalArgumentException(
                    "egov.portal.payment.gateway-origin must be an origin: " + gatewayOrigin);
        }
    }

    /** As a CSP source: {@code http://127.0.0.1:8090}. */
    public String source() {
        return gatewayOrigin.getScheme() + "://" + gatewayOrigin.getRawAuthority();
    }
}
