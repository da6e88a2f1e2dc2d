package vn.egov.dossier.rating;

import static vn.egov.dossier.dossier.DossierTransitions.Action.RATE;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.intake.Intake;

/**
 * The owner's satisfaction rating, once, after the result was returned. A fact in the transition table (the
 * status stays RESULT_RETURNED), recorded in the history (action {@code rate}, the comment as note)
 * and published as {@code DossierRated} with the score (1–5) in {@code score} (and, for consumers written before that field, in {@code reason}); the comment is not in the event.
 */
@Service
class Ratings {

    record Rating(String code, int score, String comment, Instant ratedAt) {}

    private final DossierStore store;
    private final JdbcClient jdbc;
    private final Intake intake;
    private final DossierLifecycle lifecycle;
    private final Clock clock;

    Ratings(DossierStore store, JdbcClient jdbc, Intake intake, DossierLifecycle lifecycle, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** {@code score} 1–5 (anything else, or none: 422); the owner only, once, after the result was returned. */
    @Transactional
    Rating rate(EgovPrincipal who, String code, Integer score, String comment) {
        DossierRow d = store.lock(code).orElseThrow(() -> DossierAccess.notFound(code));
        var roles = DossierAccess.rolesOn(who, d);
        if (roles.isEmpty()) {
            throw DossierAccess.notFound(code);
        }
        if (!roles.contains(DossierTransitions.Role.OWNER)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "dossier-action-forbidden", RATE.wireName());
        }
        // the transition table says when: after the result was returned
        DossierTransitions.Transition fact = DossierTransitions.find(d.status(), RATE, DossierTransitions.Role.OWNER)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "dossier-transition-not-allowed",
                        RATE.wireName(),
                        d.status().name()));
        if (score == null || score < 1 || score > 5) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "dossier-invalid",
                    List.of(intake.error("score", "invalid-score")),
                    Map.of());
        }
        Instant now = Instant.now(clock);
        int inserted = jdbc.sql("""
                        insert into dossier_rating (dossier_id, score, comment, rated_at) values (?, ?, ?, ?)
                        on conflict (dossier_id) do nothing""")
                .params(d.id(), score, comment, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "dossier-already-rated", code);
        }
        lifecycle.record(
                d,
                fact,
                new Actor(d.applicantSubject(), DossierTransitions.Role.OWNER),
                DossierLifecycle.Change.of(String.valueOf(score), comment, d.dueDate()));
        return new Rating(code, score, comment, now);
    }
}
