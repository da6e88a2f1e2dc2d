package vn.egov.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.notification.recipient.Channel;

/**
 * Operators (SYSTEM_ADMIN) see deliveries by status, failed ones first of all, and retry one. What they
 * see is what they need to act: kind, channel, status, attempts, the error (addresses and numbers in it
 * masked), the destination masked; never the message's title or body. A retry moves a FAILED delivery back
 * to PENDING with its attempts reset, the only backward move the database allows, and only with the
 * operator and time recorded (delivery.retried_by/at and a delivery_retry row).
 */
@RestController
class DeliveryAdminController {

    static final String ROLE = "SYSTEM_ADMIN";
    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED");

    private final DeliveryAdministration administration;

    DeliveryAdminController(DeliveryAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/api/v1/notifications/admin/deliveries")
    @Operation(summary = "Deliveries by status, newest first (SYSTEM_ADMIN); no message bodies, destinations masked")
    PageResponse<DeliveryAdministration.DeliveryView> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "FAILED") @Size(max = 32) String status,
            @RequestParam(required = false) @Size(max = 32) String channel,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        requireOperator(jwt);
        PageResponse.validate(page, size);
        String wanted = status.toUpperCase(Locale.ROOT);
        String channelName = channel == null || channel.isBlank() ? null : channel.toUpperCase(Locale.ROOT);
        List<ApiProblem.FieldError> errors = new java.util.ArrayList<>();
        if (!STATUSES.contains(wanted)) {
            errors.add(ApiProblem.FieldError.of("status", "unknown-status", status));
        }
        if (channelName != null
                && EnumSet.allOf(Channel.class).stream().noneMatch(c -> c.name().equals(channelName))) {
            errors.add(ApiProblem.FieldError.of("channel", "unknown-channel", channel));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", errors, java.util.Map.of());
        }
        return administration.list(wanted, channelName, page, size);
    }

    @PostMapping("/api/v1/notifications/admin/deliveries/{id}/retry")
    @Operation(summary = "Send a FAILED delivery again (SYSTEM_ADMIN): back to PENDING, attempts reset, retry recorded")
    DeliveryAdministration.DeliveryView retry(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        EgovPrincipal operator = requireOperator(jwt);
        return administration.retry(id, operator.subject());
    }

    private static EgovPrincipal requireOperator(Jwt jwt) {
        EgovPrincipal principal = EgovPrincipal.from(jwt);
        if (!principal.hasRole(ROLE)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return principal;
    }
}
