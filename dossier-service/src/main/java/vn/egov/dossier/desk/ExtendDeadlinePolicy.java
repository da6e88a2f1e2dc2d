package vn.egov.dossier.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code extend-deadline}: an apology with a new appointment, after the current due date and not in the past
 * (an overdue dossier's new appointment must still lie ahead), on a working day of the calendar (a result is returned
 * on a working day: issue 14 item 3), with a reason.
 */
final class ExtendDeadlinePolicy implements ActionPolicy {

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
