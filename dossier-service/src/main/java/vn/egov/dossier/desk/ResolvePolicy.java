package vn.egov.dossier.desk;

import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code resolve}: the approver decides; the resolution time is kept (on time or late is judged by it). The decision
 * document, when attached, is checked and stored by {@link DossierActions} before this.
 */
final class ResolvePolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.RESOLVE;
    }

    @Override
    public void write(DeskCase c, DeskWrites writes) {
        writes.resolved(c.dossier().id(), c.now());
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return DossierLifecycle.Change.of(
                c.request().reason(), c.request().note(), c.dossier().dueDate());
    }
}
