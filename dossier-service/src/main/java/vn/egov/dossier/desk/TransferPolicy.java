package vn.egov.dossier.desk;

import java.util.List;
import java.util.Map;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code transfer}: to another agency (named by its electronic identifier; the event carries it), with a reason;
 * the receiving agency receives it anew.
 */
final class TransferPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.TRANSFER;
    }

    /** One problem at a time, the target first. */
    @Override
    public List<Violation> check(DeskCase c) {
        String target = c.request().targetAgencyCode();
        if (ActionPolicy.blank(target) || target.equals(c.dossier().agencyCode())) {
            return List.of(new Violation("targetAgencyCode", "required"));
        }
        if (ActionPolicy.blank(c.request().reason())) {
            return List.of(new Violation("reason", "required"));
        }
        return List.of();
    }

    @Override
    public void write(DeskCase c, DeskWrites writes) {
        writes.transferred(c.dossier().id(), c.request().targetAgencyCode());
    }

    @Override
    public DossierRow subject(DeskCase c) {
        return c.dossier().withAgency(c.request().targetAgencyCode());
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return new DossierLifecycle.Change(
                c.request().reason(),
                c.request().note(),
                c.dossier().dueDate(),
                List.of(),
                Map.of(
                        "fromAgency",
                        c.dossier().agencyCode(),
                        "toAgency",
                        c.request().targetAgencyCode()));
    }
}
