package vn.egov.dossier.desk;

import vn.egov.dossier.calendar.Deadline;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code receive}: the deadline starts now: the procedure's time limit counted in the agency's working time from
 * this instant (the deadline engine: whole working days as before, same day with the 15:00 cut-off, hours).
 */
final class ReceivePolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.RECEIVE;
    }

    @Override
    public void write(DeskCase c, DeskWrites writes) {
        writes.received(c.dossier().id(), c.now(), c.today());
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        Deadline due = c.deadlines()
                .due(c.now(), c.procedure().get().timeLimit(), c.dossier().agencyCode());
        return DossierLifecycle.Change.of(c.request().reason(), c.request().note(), due.dueDate())
                .withDueAt(due.dueAt());
    }
}
