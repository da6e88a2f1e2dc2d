package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/** {@code return-result}: the officer hands the result to the applicant; nothing to check. */
final class ReturnResultPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.RETURN_RESULT;
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
