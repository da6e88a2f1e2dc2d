package vn.egov.payment.order;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment order, for its payer or an officer of the dossier's agency. Anyone else gets the same
 * 404 as for an order that does not exist.
 */
@RestController
class PaymentOrderController {

    record PaymentOrderResponse(UUID id, String dossierCode, String agencyCode, long amountVnd, String status,
                                Instant createdAt) {
    }

    private record Row(PaymentOrderResponse response, String payerSubject) {
    }

    private final JdbcClient jdbc;

    PaymentOrderController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "A payment order and its receipt")
    PaymentOrderResponse get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        Row row = jdbc.sql("""
                        select id, dossier_code, agency_code, amount_vnd, status, created_at, payer_subject
                        from payment_order where id = ?""")
                .param(id)
                .query((rs, i) -> new Row(new PaymentOrderResponse(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                        rs.getString(7)))
                .optional()
                .filter(r -> r.payerSubject().equals(who.subject())
                        || (who.hasRole("OFFICER") || who.hasRole("APPROVER")) && r.response().agencyCode().equals(who.agency()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "payment-not-found"));
        return row.response();
    }
}
