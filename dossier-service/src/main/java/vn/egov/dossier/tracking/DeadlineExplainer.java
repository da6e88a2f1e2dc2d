package vn.egov.dossier.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.egov.dossier.calendar.AgencyWorkingHours;
import vn.egov.dossier.calendar.Deadline;
import vn.egov.dossier.calendar.DeadlineProperties;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.calendar.InternalSteps;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.procedure.ProcedureCatalogue;

/**
 * Answers "why this date" for a dossier: the engine run again from the instant its clock started (the receipt;
 * before it, the submission, as the provisional appointment was) with the procedure's limit and the agency's
 * hours, compared with the due time the dossier holds now.
 */
@Component
class DeadlineExplainer {

    private final Deadlines deadlines;
    private final ProcedureCatalogue catalogue;
    private final DossierViews views;
    private final DeadlineProperties properties;
    private final AgencyWorkingHours stored;
    private final Clock clock;

    DeadlineExplainer(
            Deadlines deadlines,
            ProcedureCatalogue catalogue,
            DossierViews views,
            DeadlineProperties properties,
            AgencyWorkingHours stored,
            Clock clock) {
        this.deadlines = deadlines;
        this.stored = stored;
        this.clock = clock;
        this.catalogue = catalogue;
        this.views = views;
        this.properties = properties;
    }

    DeadlineView explain(DossierRow d, boolean english) {
        Procedure procedure = catalogue
                .find(d)
                .orElseThrow(
                        () -> new IllegalStateException("procedure " + d.procedureCode() + " not in the catalogue"));
        DossierViews.DueTimes times = views.dueTimes(d.id());
        boolean received = times.receivedAt() != null;
        Instant start = received ? times.receivedAt() : times.submittedAt();
        Deadline deadline = deadlines.due(start, procedure.timeLimit(), d.agencyCode());
        Instant dueAt = times.dueAt() != null
                ? times.dueAt()
                : d.dueDate() == null ? deadline.dueAt() : deadlines.closingOf(d.dueDate(), d.agencyCode());
        boolean moved = !dueAt.equals(deadline.dueAt());
        DeadlineWording words = new DeadlineWording(english, properties.sameDayCutOff());
        List<DeadlineView.Day> days = deadline.steps().stream()
                .map(s -> new DeadlineView.Day(
                        s.day(),
                        s.kind().name(),
                        s.reason().name(),
                        s.from(),
                        s.to(),
                        s.counted().toMinutes(),
                        s.total(),
                        words.day(s, deadline.limit().unit()),
                        s.name(),
                        s.source(),
                        s.calendarMissing()))
                .toList();
        return new DeadlineView(
                d.code(),
                d.procedureCode(),
                new DeadlineView.TimeLimitView(
                        deadline.limit().amount(),
                        deadline.limit().unit().name(),
                        deadline.limit().source(),
                        words.limit(deadline.limit())),
                deadline.hours().toString(),
                received ? "RECEIVED" : "SUBMITTED",
                start,
                deadline.countedFrom(),
                deadline.dueAt(),
                dueAt,
                d.dueDate(),
                moved,
                words.summary(dueAt, deadline.dueAt(), moved),
                days,
                deadline.yearsWithoutCalendar().stream()
                        .sorted()
                        .map(words::missingYear)
                        .toList(),
                received ? internalSteps(d, procedure, deadline, dueAt, times.receivedAt(), english) : List.of());
    }

    /**
     * The internal steps once the dossier is received (before, nobody holds it yet): due times split from the
     * dossier's due time now, done times from the history since the receipt.
     */
    private List<DeadlineView.InternalStep> internalSteps(
            DossierRow d, Procedure procedure, Deadline deadline, Instant dueAt, Instant since, boolean english) {
        Map<String, Instant> reached = views.firstReached(d.id(), since);
        Instant now = Instant.now(clock);
        // the agency's clock runs (not paused for a supplement, not ended by a refusal, a withdrawal or a stop)
        boolean withAgency = switch (d.status()) {
            case RECEIVED, IN_PROCESSING, RESOLVED -> true;
            default -> false;
        };
        return deadlines.stepDueTimes(deadline, dueAt, stored.stepsOf(procedure.code())).stream()
                .map(due -> {
                    Instant done = doneAt(due.share().step(), reached);
                    boolean overdue = done != null ? done.isAfter(due.dueAt()) : withAgency && now.isAfter(due.dueAt());
                    return new DeadlineView.InternalStep(
                            due.share().step().name(),
                            english ? due.share().nameEn() : due.share().nameVi(),
                            due.share().percent(),
                            due.dueAt(),
                            done,
                            overdue);
                })
                .toList();
    }

    /** The lifecycle has no hand-over from processing to approving, so both end with {@code resolve}. */
    private static Instant doneAt(InternalSteps.Step step, Map<String, Instant> reached) {
        return switch (step) {
            case RECEIVING -> reached.get("IN_PROCESSING");
            case PROCESSING, APPROVING -> reached.get("RESOLVED");
            case RETURNING -> earliest(reached.get("POSTED"), reached.get("RESULT_RETURNED"));
        };
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
