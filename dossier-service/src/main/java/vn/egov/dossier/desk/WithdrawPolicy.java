package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;

/** {@code withdraw}: the owner takes the dossier back before resolution; a reason is optional. */
final class WithdrawPolicy implements ActionPolicy {

    @Override
    public String action() {
        return "withdraw";
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
