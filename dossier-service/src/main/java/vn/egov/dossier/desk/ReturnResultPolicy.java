package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;

/** {@code return-result}: the officer hands the result to the applicant; nothing to check. */
final class ReturnResultPolicy implements ActionPolicy {

    @Override
    public String action() {
        return "return-result";
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
