package vn.egov.dossier.dossier;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.events.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The owner's satisfaction rating, once, after the result was returned. Not a lifecycle transition (the
 * status stays RESULT_RETURNED), but recorded in the history (action {@code rate}, the comment as note)
 * and published as {@code DossierRated} with the score (1–5) in {@code reason}; the comment is not in the event.
 */
@RestController
class RatingController {

    record RatingRequest(Integer score, @Size(max = InputLimits.COMMENT) String comment) {
    }

    record Rating(String code, int score, String comment, Instant ratedAt) {
    }

    private final DossierStore store;
    private final JdbcClient jdbc;
    private final Intake intake;
    private final DossierLifecycle lifecycle;
    private final Clock clock;

    RatingController(DossierStore store, JdbcClient jdbc, Intake intake, DossierLifecycle lifecycle, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @PostMapping("/api/v1/dossiers/{code}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate the service once the result was returned (owner, once)")
    @Transactional
    Rating rate(@AuthenticationPrincipal Jwt jwt, @PathVariable String code, @Valid @RequestBody RatingRequest body) {
        DossierRow d = store.lock(code).orElseThrow(() -> DossierAccess.notFound(code));
        var roles = DossierAccess.rolesOn(EgovPrincipal.from(jwt), d);
        if (roles.isEmpty()) {
            throw DossierAccess.notFound(code);
        }
        if (!roles.contains(DossierTransitions.Role.OWNER)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "dossier-action-forbidden", "rate");
        }
        if (d.status() != DossierTransitions.Status.RESULT_RETURNED) {
            throw new ApiProblem(HttpStatus.CONFLICT, "dossier-transition-not-allowed", "rate", d.status().name());
        }
        if (body == null || body.score() == null || body.score() < 1 || body.score() > 5) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-invalid",
                    List.of(intake.error("score", "invalid-score")), Map.of());
        }
        Instant now = Instant.now(clock);
        int inserted = jdbc.sql("""
                        insert into dossier_rating (dossier_id, score, comment, rated_at) values (?, ?, ?, ?)
                        on conflict (dossier_id) do nothing""")
                .params(d.id(), body.score(), body.comment(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        if (inserted == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "dossier-already-rated", code);
        }
        lifecycle.record(d, "rate", new Actor(d.applicantSubject(), DossierTransitions.Role.OWNER),
                DossierLifecycleEventV1.RATED, DossierLifecycle.Change.of(String.valueOf(body.score()), body.comment(), d.dueDate()));
        return new Rating(code, body.score(), body.comment(), now);
    }
}
