package vn.egov.dossier.desk;

import java.util.List;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/** {@code reject}: refused with a reason the applicant reads. */
final class RejectPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.REJECT;
    }

    @Override
    public List<Violation> check(DeskCase c) {
        return ActionPolicy.blank(c.request().reason()) ? List.of(new Violation("reason", "required")) : List.of();
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
