package vn.egov.dossier.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.metrics.CommittedCounters;
import vn.egov.commons.web.ApiProblem;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.contracts.dossier.DossierStatus;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.dossier.DossierTransitions.Transition;

/**
 * The only writer of a dossier's status: checks the move against {@link DossierTransitions}, updates
 * the row only if it still has the status the caller read, appends the history row and publishes the
 * lifecycle event — all in the caller's transaction.
 */
@Component
public class DossierLifecycle {

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final CommittedCounters counters;
    private final JsonMapper json;
    private final Clock clock;
    private final DossierFeeAmounts fees;

    DossierLifecycle(
            JdbcClient jdbc,
            EventPublisher events,
            JsonMapper json,
            Clock clock,
            DossierFeeAmounts fees,
            CommittedCounters counters) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.fees = fees;
    }

    /**
     * Details of one transition. {@code dueDate} is the appointment date after it; {@code dueAt} the due time when
     * the transition sets one (receipt, supplement, apology), null when it keeps the dossier's: the stored due time
     * is kept while the date is unchanged, and cleared if a date is given without a time.
     */
    public record Change(
            String reason,
            String note,
            LocalDate dueDate,
            List<String> missingDocuments,
            Map<String, Object> details,
            Instant dueAt) {

        public Change(
                String reason,
                String note,
                LocalDate dueDate,
                List<String> missingDocuments,
                Map<String, Object> details) {
            this(reason, note, dueDate, missingDocuments, details, null);
        }

        public static Change of(String reason, String note, LocalDate dueDate) {
            return new Change(reason, note, dueDate, List.of(), Map.of());
        }

        public Change withDueAt(Instant at) {
            return new Change(reason, note, dueDate, missingDocuments, details, at);
        }
    }

    /** Records a submission (no previous state). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void submitted(DossierRow dossier, Actor actor, String eventType, Map<String, Object> details) {
        history(
                dossier,
                "submit",
                null,
                dossier.status(),
                actor,
                new Change(null, null, dossier.dueDate(), List.of(), details));
        publish(dossier, "submit", null, dossier.status(), actor, eventType, Change.of(null, null, dossier.dueDate()));
    }

    /**
     * Records how a dossier taken at the counter started when it is not received (the wire name
     * {@code counter-guidance}: incomplete, Mẫu 02): the history row from no status to the row's, by the officer. No
     * event: nothing was received and the applicant, at the counter, is handed the form.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void started(DossierRow dossier, String action, Actor actor, Change change) {
        history(dossier, action, null, dossier.status(), actor, change);
    }

    /**
     * Records that the person a walk-in dossier was taken for claimed it (wire name {@code claim}): their verified
     * national id matched; the status stays, no event (nothing happened to the dossier's processing).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimed(DossierRow dossier, Actor owner, Map<String, Object> details) {
        history(
                dossier,
                "claim",
                dossier.status(),
                dossier.status(),
                owner,
                new Change(null, null, dossier.dueDate(), List.of(), details));
    }

    /**
     * Records a fee paid for a dossier whose status does not move with it (wire name {@code fee-paid}): a walk-in
     * dossier, received at once, paid at the counter (decision 36), or one withdrawn before its payment came. The
     * history row by the system, from = to = the current status, with the payment and its receipt in its details; no
     * event (payment-service's own event told the payer). Not {@code pay}: that is the online payment that lets the
     * agency receive the dossier, and the statistics count it as paid online.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void feePaid(DossierRow dossier, UUID paymentId, String receiptNumber) {
        history(
                dossier,
                "fee-paid",
                dossier.status(),
                dossier.status(),
                Actor.SYSTEM,
                new Change(
                        null,
                        receiptNumber == null ? null : "receipt " + receiptNumber,
                        dossier.dueDate(),
                        List.of(),
                        receiptNumber == null
                                ? Map.of("paymentId", paymentId.toString())
                                : Map.of("paymentId", paymentId.toString(), "receiptNumber", receiptNumber)));
    }

    /**
     * Records a fact about the dossier that does not change its status (overdue, rated): a row of the transition
     * table that keeps the status, checked like any transition; a history row (from = to = the current status) and
     * the event, in the caller's transaction. The row is not touched.
     */
    /**
     * Reminds the agency's staff that the dossier is due soon (decision 50): the event only. It changes nothing of
     * the dossier, so there is no history row; the caller records that it was sent (once per due date).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remindDueSoon(DossierRow dossier) {
        remind(dossier, "due-soon", DossierLifecycleEventV1.DUE_SOON);
    }

    /**
     * Tells the agency's staff that an online dossier is still not received past its receipt limit (decision 51):
     * the event only, like {@link #remindDueSoon}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remindReceiptOverdue(DossierRow dossier) {
        remind(dossier, "receipt-overdue", DossierLifecycleEventV1.RECEIPT_OVERDUE);
    }

    private void remind(DossierRow dossier, String action, String type) {
        publish(
                dossier,
                action,
                dossier.status(),
                dossier.status(),
                Actor.SYSTEM,
                type,
                Change.of(null, null, dossier.dueDate()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(DossierRow dossier, Transition fact, Actor actor, Change change) {
        if (fact.changesStatus() || fact.from() != dossier.status() || fact.role() != actor.role()) {
            throw new IllegalStateException("fact " + fact + " does not apply to " + dossier.status());
        }
        String action = fact.action().wireName();
        history(dossier, action, dossier.status(), dossier.status(), actor, change);
        publish(dossier, action, dossier.status(), dossier.status(), actor, fact.eventType(), change);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public DossierRow apply(DossierRow dossier, Transition transition, Actor actor, Change change) {
        if (transition.from() != dossier.status() || transition.role() != actor.role()) {
            throw new IllegalStateException("transition " + transition + " does not apply to " + dossier.status());
        }
        String action = transition.action().wireName();
        int updated = jdbc.sql("""
                        update dossier set status = :to, due_date = :due, updated_at = now(),
                               due_at = case when cast(:dueAt as timestamptz) is not null then cast(:dueAt as timestamptz)
                                             when due_date is not distinct from cast(:due as date) then due_at end
                        where id = :id and status = :from""")
                .param("to", transition.to().name())
                .param("due", change.dueDate())
                .param(
                        "dueAt",
                        change.dueAt() == null ? null : OffsetDateTime.ofInstant(change.dueAt(), ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", dossier.id())
                .param("from", dossier.status().name())
                .update();
        if (updated != 1) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "dossier-transition-not-allowed",
                    action,
                    dossier.status().name());
        }
        history(dossier, action, dossier.status(), transition.to(), actor, change);
        publish(dossier, action, dossier.status(), transition.to(), actor, transition.eventType(), change);
        return dossier.withStatus(transition.to());
    }

    private void history(DossierRow d, String action, Status from, Status to, Actor actor, Change change) {
        jdbc.sql("""
                        insert into dossier_history (dossier_id, action, from_status, to_status, actor_subject, actor_role,
                                                     reason, note, details, occurred_at)
                        values (:id, :action, :from, :to, :actor, :role, :reason, :note, :details::jsonb, :at)""")
                .param("id", d.id())
                .param("action", action)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("actor", actor.subject())
                .param("role", actor.contractRole())
                .param("reason", change.reason())
                .param("note", change.note())
                .param(
                        "details",
                        change.details().isEmpty() && change.missingDocuments().isEmpty()
                                ? null
                                : json.writeValueAsString(details(change)))
                .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .update();
    }

    /** {@code vn.egov.dossier.resolved.v1} → {@code resolved}. */
    static String shortType(String type) {
        String rest = type.startsWith("vn.egov.dossier.") ? type.substring("vn.egov.dossier.".length()) : type;
        int version = rest.lastIndexOf(".v");
        return version > 0 ? rest.substring(0, version) : rest;
    }

    private static Map<String, Object> details(Change change) {
        if (change.missingDocuments().isEmpty()) {
            return change.details();
        }
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>(change.details());
        all.put("missingDocuments", change.missingDocuments());
        return all;
    }

    private void publish(DossierRow d, String action, Status from, Status to, Actor actor, String type, Change change) {
        // issue 18: dossiers submitted/received/resolved/overdue/… per agency, counted once the transition commits
        counters.increment(
                "egov.dossier.events",
                "dossier lifecycle events by agency and kind",
                "agency",
                d.agencyCode(),
                "event",
                shortType(type));
        events.publish(
                EventTopics.DOSSIER,
                type,
                d.code(),
                new DossierLifecycleEventV1(
                        d.code(),
                        d.procedureCode(),
                        d.procedureName(),
                        d.agencyCode(),
                        d.agencyName(),
                        d.applicantSubject(),
                        d.businessTaxCode(),
                        from == null ? null : DossierStatus.valueOf(from.name()),
                        DossierStatus.valueOf(to.name()),
                        action,
                        actor.subject(),
                        actor.contractRole(),
                        change.reason(),
                        change.dueDate(),
                        change.missingDocuments(),
                        fees.amountVnd(d.id()),
                        Instant.now(clock),
                        // a rating's score is the reason the rating passes in (kept there too for consumers before
                        // score)
                        DossierLifecycleEventV1.RATED.equals(type) ? Integer.valueOf(change.reason()) : null,
                        d.receivingAgencyCode()));
    }
}
