package vn.egov.payment.vnpay;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.web.ApiProblem;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;

/**
 * The gateway's two callbacks. Both are public (no token): the signature is the authentication.
 * The IPN is the source of truth; the browser's return only displays the order as it now is.
 */
@RestController
class VnpayController {

    private static final Logger security = LoggerFactory.getLogger("vn.egov.security");

    /** What the browser's return page may show: no personal data (anyone holding the URL sees it). */
    record PaymentReturnView(
            UUID paymentId,
            String dossierCode,
            long amountVnd,
            String status,
            String receiptNumber,
            Instant paidAt,
            String gatewayResponseCode) {}

    private final VnpayIpnService ipn;
    private final PaymentOrders orders;
    private final VnpaySignature signature;

    VnpayController(VnpayIpnService ipn, PaymentOrders orders, VnpayProperties properties) {
        this.ipn = ipn;
        this.orders = orders;
        this.signature = new VnpaySignature(properties.hashSecret());
    }

    @GetMapping("/api/v1/payments/vnpay/ipn")
    @Operation(summary = "IPN: the gateway confirms a payment (VNPay 2.1.0, signed, no token)")
    VnpayIpnService.IpnAnswer ipn(@RequestParam Map<String, String> params, HttpServletRequest request) {
        return ipn.handle(params, request.getRemoteAddr());
    }

    @GetMapping("/api/v1/payments/vnpay/return")
    @Operation(summary = "The browser's return from the gateway: shows the order's state, never changes it")
    PaymentReturnView returned(@RequestParam Map<String, String> params, HttpServletRequest request) {
        if (!signature.verify(params)) {
            security.warn("security-event=vnpay-return-invalid-signature remote={}", request.getRemoteAddr());
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "payment-invalid-signature");
        }
        PaymentOrder order = orders.findByTxnRef(params.getOrDefault("vnp_TxnRef", ""))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "payment-not-found"));
        return new PaymentReturnView(
                order.id(),
                order.dossierCode(),
                order.amountVnd(),
                order.status().name(),
                order.receiptNumber(),
                order.paidAt(),
                params.get("vnp_ResponseCode"));
    }
}
