package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;

/** {@code forward}: the officer passes a received dossier to the approver; nothing to check. */
final class ForwardPolicy implements ActionPolicy {

    @Override
    public String action() {
        return "forward";
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
