package vn.egov.dossier.desk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.procedure.Procedure;

/**
 * {@code request-supplement}: names the missing documents (at least one, each a requirement of the procedure,
 * duplicates dropped); the clock pauses from today until the owner answers.
 */
final class RequestSupplementPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.REQUEST_SUPPLEMENT;
    }

    static List<String> missing(DeskCase c) {
        return c.request().missingDocuments() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(c.request().missingDocuments()));
    }

    @Override
    public List<Violation> check(DeskCase c) {
        Procedure procedure = c.procedure().get();
        List<String> missing = missing(c);
        List<Violation> violations = new ArrayList<>();
        if (missing.isEmpty()) {
            violations.add(new Violation("missingDocuments", "required"));
        }
        for (String m : missing) {
            if (procedure.document(m).isEmpty()) {
                violations.add(new Violation("missingDocuments", "unknown-requirement", m));
            }
        }
        return violations;
    }

    @Override
    public void write(DeskCase c, DeskWrites writes) {
        writes.supplementRequested(c.dossier().id(), missing(c), c.today());
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        return new DossierLifecycle.Change(
                c.request().reason(), c.request().note(), c.dossier().dueDate(), missing(c), Map.of());
    }
}
