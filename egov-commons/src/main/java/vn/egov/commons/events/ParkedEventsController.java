package vn.egov.commons.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;

/**
 * Operators (SYSTEM_ADMIN) list, retry and discard the events this service's relay parked. Every service with
 * an outbox has it, on its own port; the gateway does not route it (an internal operations surface, not part
 * of the public API).
 */
@RestController
@RequestMapping("/api/v1/admin/events/parked")
@Tag(
        name = "Parked events (operators)",
        description =
                "Outbox events Kafka refused, held out of the relay: "
                        + "list, send again, give up. SYSTEM_ADMIN only; reached on the service's own port, not through the gateway.")
public class ParkedEventsController {

    static final String ROLE = "SYSTEM_ADMIN";

    private final ParkedEvents parked;

    public ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping
    @Operation(
            summary = "Parked events, oldest first (SYSTEM_ADMIN)",
            description = "Id, type, topic, key, size in bytes, error, attempts, when parked and how many later events "
                    + "of the same key wait behind it. Never the payload.")
    @ApiResponse(responseCode = "200", description = "A page of parked events")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "Not a SYSTEM_ADMIN")
    public PageResponse<ParkedEvents.ParkedEvent> list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        requireOperator(jwt);
        PageResponse.validate(page, size);
        return PageResponse.of(parked.list(page, size), page, size, parked.count());
    }

    @PostMapping("/{eventId}/retry")
    @Operation(
            summary = "Send a parked event again (SYSTEM_ADMIN)",
            description = "The event becomes pending with its failure count reset and is sent before the events held "
                    + "behind it; if Kafka refuses it again it is parked again. Recorded with the operator and time.")
    @ApiResponse(responseCode = "200", description = "The event, now PENDING")
    @ApiResponse(responseCode = "404", description = "No such event (problem parked-event-not-found)")
    @ApiResponse(responseCode = "409", description = "The event is not parked (problem event-not-parked)")
    public ParkedEvents.ParkedEvent retry(
            @AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "the CloudEvent id") @PathVariable UUID eventId) {
        return result(eventId, parked.retry(eventId, requireOperator(jwt).subject()));
    }

    @PostMapping("/{eventId}/discard")
    @Operation(
            summary = "Give up on a parked event (SYSTEM_ADMIN)",
            description = "The event is never sent; the events held behind it go on; the row is kept (DISCARDED, with "
                    + "the operator and time) until the outbox retention. Consumers never see it.")
    @ApiResponse(responseCode = "200", description = "The event, now DISCARDED")
    @ApiResponse(responseCode = "404", description = "No such event (problem parked-event-not-found)")
    @ApiResponse(responseCode = "409", description = "The event is not parked (problem event-not-parked)")
    public ParkedEvents.ParkedEvent discard(
            @AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "the CloudEvent id") @PathVariable UUID eventId) {
        return result(eventId, parked.discard(eventId, requireOperator(jwt).subject()));
    }

    private static ParkedEvents.ParkedEvent result(UUID eventId, ParkedEvents.Outcome outcome) {
        if (outcome instanceof ParkedEvents.Outcome.Done done) {
            return done.event();
        }
        if (outcome instanceof ParkedEvents.Outcome.NotParked notParked) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "event-not-parked",
                    List.of(),
                    Map.of("state", notParked.state().name()),
                    eventId,
                    notParked.state().name());
        }
        throw new ApiProblem(HttpStatus.NOT_FOUND, "parked-event-not-found", eventId);
    }

    private static EgovPrincipal requireOperator(Jwt jwt) {
        if (jwt == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        EgovPrincipal principal = EgovPrincipal.from(jwt);
        if (!principal.hasRole(ROLE)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return principal;
    }
}
