package vn.egov.dossier.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.commons.time.VietnamTime;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code extend-deadline}: an apology with a new appointment (Mẫu 04), issued before the dossier's due time (an agency
 * that sees it will be late says so before, not after: issue 14 item 3; a dossier already overdue stays late and is
 * resolved as such), with a new date after the current one, not in the past, on a working day of the calendar, and a
 * reason.
 */
final class ExtendDeadlinePolicy implements ActionPolicy {

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    @Override
    public Action action() {
        return Action.EXTEND_DEADLINE;
    }

    @Override
    public List<Violation> check(DeskCase c) {
        List<Violation> violations = new ArrayList<>();
        if (ActionPolicy.blank(c.request().reason())) {
            violations.add(new Violation("reason", "required"));
        }
        var newDate = c.request().newAppointmentDate();
        var due = c.dossier().dueDate();
        var dueAt = c.dossier().dueAt() != null
                ? c.dossier().dueAt()
                : due == null ? null : c.deadlines().closingOf(due, c.dossier().agencyCode());
        if (dueAt != null && !c.now().isBefore(dueAt)) {
            violations.add(new Violation("dueAt", "apology-after-due-time", WHEN.format(VietnamTime.at(dueAt))));
        }
        if (newDate == null || due != null && !newDate.isAfter(due)) {
            violations.add(new Violation("newAppointmentDate", "after-due-date"));
        } else if (newDate.isBefore(c.today())) {
            violations.add(new Violation("newAppointmentDate", "in-the-past"));
        } else if (!c.deadlines().calendar().isWorkingDay(newDate)) {
            violations.add(new Violation("newAppointmentDate", "not-a-working-day"));
        }
        return violations;
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return new DossierLifecycle.Change(
                c.request().reason(),
                c.request().note(),
                c.request().newAppointmentDate(),
                List.of(),
                // both dates for Mẫu 04 (forms): the history is what the apology is printed from
                Map.of(
                        "previousDueDate",
                        String.valueOf(c.dossier().dueDate()),
                        "newDueDate",
                        String.valueOf(c.request().newAppointmentDate())),
                // the new appointment is a date: due at that day's closing of the agency
                c.deadlines()
                        .closingOf(c.request().newAppointmentDate(), c.dossier().agencyCode()));
    }
}
