package vn.egov.payment.vnpay;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.time.VietnamTime;
import vn.egov.payment.order.PaymentLifecycle;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;
import vn.egov.payment.order.PaymentStatus;
import vn.egov.payment.receipt.ReceiptNumbers;
import vn.egov.payment.refund.LatePayments;

/**
 * The gateway's server-to-server confirmation (IPN), the only source of truth about a payment. Checks
 * run in the protocol's order: signature (97), order (01), amount (04), state (02); then the result is
 * applied once. The order row is locked for the whole decision, so concurrent duplicates queue up
 * behind the first and then find the order settled ("02", no second effect).
 *
 * <p>A successful payment for an order that no longer accepts one (CANCELLED, EXPIRED, FAILED) is not
 * "already confirmed": the gateway took the citizen's money. It is recorded as a late payment with its
 * receipt and refunded in full ({@link LatePayments}), and answered "00" (the result is recorded; the
 * gateway stops retrying); a repeat of it then finds the order LATE_PAID or REFUNDED and gets "02".
 */
@Service
class VnpayIpnService {

    /** The protocol's answer, {@code {"RspCode": "00", "Message": "Confirm Success"}}. */
    record IpnAnswer(
            @com.fasterxml.jackson.annotation.JsonProperty("RspCode")
            String rspCode,

            @com.fasterxml.jackson.annotation.JsonProperty("Message")
            String message) {

        static final IpnAnswer CONFIRMED = new IpnAnswer("00", "Confirm Success");
        static final IpnAnswer ORDER_NOT_FOUND = new IpnAnswer("01", "Order not found");
        static final IpnAnswer ALREADY_CONFIRMED = new IpnAnswer("02", "Order already confirmed");
        static final IpnAnswer INVALID_AMOUNT = new IpnAnswer("04", "Invalid amount");
        static final IpnAnswer INVALID_SIGNATURE = new IpnAnswer("97", "Invalid signature");
        static final IpnAnswer OTHER_ERROR = new IpnAnswer("99", "Unknown error");
    }

    private static final Logger log = LoggerFactory.getLogger(VnpayIpnService.class);
    /** Security events go to their own logger so operators can route and alert on them. */
    private static final Logger security = LoggerFactory.getLogger("vn.egov.security");

    private final VnpayProperties properties;
    private final VnpaySignature signature;
    private final PaymentOrders orders;
    private final PaymentLifecycle lifecycle;
    private final ReceiptNumbers receipts;
    private final LatePayments latePayments;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    VnpayIpnService(
            VnpayProperties properties,
            PaymentOrders orders,
            PaymentLifecycle lifecycle,
            ReceiptNumbers receipts,
            LatePayments latePayments,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.properties = properties;
        this.signature = new VnpaySignature(properties.hashSecret());
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.receipts = receipts;
        this.latePayments = latePayments;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    IpnAnswer handle(Map<String, String> params, String remoteAddress) {
        IpnAnswer answer;
        try {
            answer = decide(params, remoteAddress);
        } catch (RuntimeException e) {
            // the gateway retries on 99: better than confirming something we could not record
            log.error("IPN for txnRef {} failed", safe(params.get("vnp_TxnRef")), e);
            answer = IpnAnswer.OTHER_ERROR;
        }
        meters.counter("egov.payment.ipn", "rsp_code", answer.rspCode()).increment();
        return answer;
    }

    private IpnAnswer decide(Map<String, String> params, String remoteAddress) {
        if (!signature.verify(params) || !properties.tmnCode().equals(params.get("vnp_TmnCode"))) {
            // no parameter values here: the order info may describe a person's dossier
            security.warn(
                    "security-event=vnpay-ipn-invalid-signature remote={} txnRef={}",
                    remoteAddress,
                    safe(params.get("vnp_TxnRef")));
            return IpnAnswer.INVALID_SIGNATURE;
        }
        String txnRef = params.get("vnp_TxnRef");
        if (txnRef == null) {
            return IpnAnswer.ORDER_NOT_FOUND;
        }
        Long amountX100 = parseLong(params.get("vnp_Amount"));
        return transactions.execute(status -> {
            Optional<PaymentOrder> found = orders.findByTxnRefForUpdate(txnRef);
            if (found.isEmpty()) {
                return IpnAnswer.ORDER_NOT_FOUND;
            }
            PaymentOrder order = found.get();
            if (amountX100 == null || amountX100 != order.amountVnd() * 100) {
                log.warn("IPN amount does not match order {}", order.id());
                return IpnAnswer.INVALID_AMOUNT;
            }
            String responseCode = params.get("vnp_ResponseCode");
            String transactionStatus = params.get("vnp_TransactionStatus");
            boolean paid = "00".equals(responseCode) && (transactionStatus == null || "00".equals(transactionStatus));
            if (paid && order.status().acceptsLatePayment()) {
                latePayments.record(
                        order,
                        payDate(params.get("vnp_PayDate")),
                        params.get("vnp_TransactionNo"),
                        params.get("vnp_BankCode"));
                meters.counter("egov.payment.late").increment();
                return IpnAnswer.CONFIRMED;
            }
            if (order.status() != PaymentStatus.PENDING) {
                return IpnAnswer.ALREADY_CONFIRMED;
            }
            if (paid) {
                Instant paidAt = payDate(params.get("vnp_PayDate"));
                lifecycle.succeed(
                        order,
                        receipts.next(order.agencyCode(), paidAt),
                        paidAt,
                        params.get("vnp_TransactionNo"),
                        params.get("vnp_BankCode"));
            } else {
                lifecycle.fail(order, responseCode == null ? "" : responseCode, clock.instant());
            }
            return IpnAnswer.CONFIRMED;
        });
    }

    /** The gateway's payment time (Vietnam time), or now when it sent none we can read. */
    private Instant payDate(String value) {
        if (value != null) {
            try {
                return LocalDateTime.parse(value, VnpayGatewayAdapter.VNPAY_TIME)
                        .atZone(VietnamTime.ZONE)
                        .toInstant();
            } catch (DateTimeParseException e) {
                log.warn("unreadable vnp_PayDate, using the time of confirmation");
            }
        }
        return clock.instant();
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A reference is logged only if it looks like one of ours (no injected text in the logs). */
    private static String safe(String txnRef) {
        return txnRef != null && txnRef.matches("[A-Za-z0-9]{1,64}") ? txnRef : "-";
    }
}
