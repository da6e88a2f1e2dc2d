package vn.egov.portal.payment;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where the payment gateway sends the browser back ({@code /thanh-toan/ket-qua}, payment-service's
 * {@code egov.payment.vnpay.return-url}), the payment's outcome page and its receipt.
 *
 * <p>The gateway's query string only says <em>which</em> order to look at ({@code vnp_TxnRef}, the order id without
 * dashes); its {@code vnp_ResponseCode} is never believed — anyone can type one. What the page says is
 * payment-service's state of the order, read with the user's token (the IPN, server to server, is the only thing
 * that settles an order). Not the user's order: the API's 404, so the 404 page.
 */
@Controller
class PaymentPagesController {

    private static final Pattern TXN_REF = Pattern.compile("[0-9a-fA-F]{32}");

    private final Payments payments;

    PaymentPagesController(Payments payments) {
        this.payments = payments;
    }

    /** The gateway's return: to the order's own page, so a refresh or a bookmark carries no gateway parameters. */
    @GetMapping("/thanh-toan/ket-qua")
    String returned(@RequestParam(name = "vnp_TxnRef", required = false) String txnRef) {
        if (txnRef == null || !TXN_REF.matcher(txnRef).matches()) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return "redirect:/thanh-toan/" + orderId(txnRef);
    }

    /**
     * The order's outcome. While the IPN has not arrived the page says so with a "check again" link; it does not
     * reload by itself (a timed meta refresh is a WCAG 2.2.1 failure, axe's critical {@code meta-refresh}).
     */
    @GetMapping("/thanh-toan/{id}")
    String outcome(@PathVariable UUID id, Model model) {
        Payments.Order order = payments.find(id);
        model.addAttribute("order", order);
        model.addAttribute("outcome", outcome(order));
        return "payment-result";
    }

    @GetMapping("/thanh-toan/{id}/bien-lai")
    String receipt(@PathVariable UUID id, Model model) {
        model.addAttribute("receipt", payments.receipt(id));
        return "receipt";
    }

    /** One word for the page: paid, waiting (the IPN has not arrived yet), late (refunded) or failed. */
    static String outcome(Payments.Order order) {
        if (order.paid()) {
            return "paid";
        }
        return switch (order.status()) {
            case "CREATED", "PENDING" -> "waiting";
            case "LATE_PAID" -> "late";
            default -> "failed"; // FAILED, EXPIRED, CANCELLED
        };
    }

    /** vnp_TxnRef is the order id without its dashes (payment-service's PaymentOrder.txnRefOf). */
    static UUID orderId(String txnRef) {
        String hex = txnRef.toLowerCase(java.util.Locale.ROOT);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }
}
