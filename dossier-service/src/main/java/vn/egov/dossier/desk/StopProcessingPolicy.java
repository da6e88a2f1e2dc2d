package vn.egov.dossier.desk;

import java.util.List;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code stop-processing}: the agency stops processing the dossier (Mẫu 05, Thông tư 03/2025 — e.g. the applicant
 * never supplied what was asked, or asked to stop); the reason is required, it is what the notice states.
 */
final class StopProcessingPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.STOP_PROCESSING;
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
