package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/** {@code withdraw}: the owner takes the dossier back before resolution; a reason is optional. */
final class WithdrawPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.WITHDRAW;
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
