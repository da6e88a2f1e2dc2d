package vn.egov.payment.receipt;

import io.swagger.v3.oas.annotations.Operation;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.payment.dossier.DossierFeeBook;
import vn.egov.payment.order.PaymentAccess;
import vn.egov.payment.order.PaymentOrder;
import vn.egov.payment.order.PaymentOrders;

/**
 * The e-receipt (biên lai điện tử) of a paid fee, as JSON or as a printable HTML page, for whoever may
 * see the payment. An unpaid order has no receipt (same 404 as for an order one may not see).
 */
@RestController
class ReceiptController {

    record Receipt(
            String receiptNumber,
            UUID paymentId,
            String dossierCode,
            String agencyCode,
            long amountVnd,
            Instant paidAt,
            String paidAtLocal,
            String gatewayTransactionNo,
            String bankCode,
            String status,
            long refundedVnd,
            // decision 36: how it was paid, who collected it, in whose receipt series
            String method,
            String methodLabel,
            String collectingAgencyCode,
            String collectingAgencyName,
            String payerName) {}

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(VietnamTime.ZONE);

    private final PaymentOrders orders;
    private final DossierFeeBook dossiers;

    ReceiptController(PaymentOrders orders, DossierFeeBook dossiers) {
        this.orders = orders;
        this.dossiers = dossiers;
    }

    /** The method as the printed receipt names it (hình thức thanh toán). */
    static String methodLabel(PaymentOrder.PaymentMethod method) {
        return switch (method) {
            case CASH -> "Tiền mặt";
            case CARD -> "Thẻ";
            case ONLINE -> "Trực tuyến (cổng thanh toán)";
        };
    }

    @GetMapping(path = "/api/v1/payments/{id}/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The e-receipt of a paid fee")
    Receipt receipt(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        PaymentOrder o = orders.find(id)
                .filter(order -> order.receiptNumber() != null && PaymentAccess.canSee(order, EgovPrincipal.from(jwt)))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "receipt-not-found"));
        // the agency whose receipt series numbered it: the officer's at the counter, the dossier's online
        String collectingAgency = o.collectedAgency() != null ? o.collectedAgency() : o.agencyCode();
        return new Receipt(
                o.receiptNumber(),
                o.id(),
                o.dossierCode(),
                o.agencyCode(),
                o.amountVnd(),
                o.paidAt(),
                LOCAL.format(o.paidAt()),
                o.gatewayTransactionNo(),
                o.bankCode(),
                o.status().name(),
                o.refundedVnd(),
                o.method().name(),
                methodLabel(o.method()),
                collectingAgency,
                dossiers.find(o.dossierCode())
                        .filter(d -> collectingAgency.equals(d.agencyCode()))
                        .map(DossierFeeBook.DossierFee::agencyName)
                        .orElse(null),
                o.payerName());
    }

    @GetMapping(path = "/api/v1/payments/{id}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The e-receipt of a paid fee, printable")
    String printable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        Receipt r = receipt(id, jwt);
        String amount =
                NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(r.amountVnd());
        return """
                <!doctype html>
                <html lang="vi"><head><meta charset="utf-8"><title>Biên lai %1$s</title>
                <style>body{font-family:serif;max-width:40em;margin:2em auto}th{text-align:left;padding-right:1em}
                @media print{button{display:none}}</style></head>
                <body>
                <h1>BIÊN LAI THU PHÍ, LỆ PHÍ</h1>
                <p>(Biên lai điện tử)</p>
                <table>
                <tr><th>Số biên lai</th><td id="receipt-number">%1$s</td></tr>
                <tr><th>Mã hồ sơ</th><td>%2$s</td></tr>
                <tr><th>Cơ quan thu</th><td id="collecting-agency">%3$s</td></tr>
                <tr><th>Người nộp</th><td>%8$s</td></tr>
                <tr><th>Số tiền</th><td id="amount">%4$s đồng</td></tr>
                <tr><th>Hình thức thanh toán</th><td id="method">%9$s</td></tr>
                <tr><th>Thời điểm thanh toán</th><td>%5$s</td></tr>
                <tr><th>Mã giao dịch cổng thanh toán</th><td>%6$s</td></tr>
                <tr><th>Ngân hàng</th><td>%7$s</td></tr>
                </table>
                <button onclick="window.print()">In biên lai</button>
                </body></html>
                """.formatted(
                        esc(r.receiptNumber()),
                        esc(r.dossierCode()),
                        esc(
                                r.collectingAgencyName() == null
                                        ? r.collectingAgencyCode()
                                        : r.collectingAgencyName() + " (" + r.collectingAgencyCode() + ")"),
                        esc(amount),
                        esc(r.paidAtLocal()),
                        esc(r.gatewayTransactionNo()),
                        esc(r.bankCode()),
                        esc(r.payerName()),
                        esc(r.methodLabel()));
    }

    private static String esc(String s) {
        // UTF-8 page: only markup characters are escaped, Vietnamese letters stay letters (not &igrave;)
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
