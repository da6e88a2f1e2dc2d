package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/** {@code forward}: the officer passes a received dossier to the approver; nothing to check. */
final class ForwardPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.FORWARD;
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
