package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/** {@code receive}: the deadline starts: due = today + the procedure's processing days, in working days. */
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
        return DossierLifecycle.Change.of(
                c.request().reason(),
                c.request().note(),
                c.calendar().addWorkingDays(c.today(), c.procedure().get().processingDays()));
    }
}
