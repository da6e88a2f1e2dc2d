package vn.egov.dossier.tracking;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.egov.dossier.calendar.Deadline;
import vn.egov.dossier.calendar.DeadlineProperties;
import vn.egov.dossier.calendar.Deadlines;
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

    DeadlineExplainer(
            Deadlines deadlines, ProcedureCatalogue catalogue, DossierViews views, DeadlineProperties properties) {
        this.deadlines = deadlines;
        this.catalogue = catalogue;
        this.views = views;
        this.properties = properties;
    }

    DeadlineView explain(DossierRow d, boolean english) {
        Procedure procedure = catalogue
                .find(d.procedureCode())
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
                        .toList());
    }
}
