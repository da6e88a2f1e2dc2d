package vn.egov.dossier.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.egov.dossier.desk.DossierActions.Delivery;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.dossier.DossierTransitions.Status;

/**
 * {@code return-result}: the officer hands the result to the applicant. From RESOLVED: online (the default, as
 * before: the decision document is in the applicant's documents) or at the counter ({@code delivery.method} COUNTER:
 * who collected it, name and national id; sealed in {@code result_delivery}, the history names them with the
 * number masked). By post it is {@code post-result} first; from POSTED, {@code return-result} confirms the delivery.
 */
final class ReturnResultPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.RETURN_RESULT;
    }

    static String method(DeskCase c) {
        Delivery d = c.request().delivery();
        if (d == null || ActionPolicy.blank(d.method())) {
            return c.dossier().status() == Status.POSTED ? "POST" : "ONLINE";
        }
        return d.method().strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public List<Violation> check(DeskCase c) {
        String method = method(c);
        boolean posted = c.dossier().status() == Status.POSTED;
        List<Violation> violations = new ArrayList<>();
        switch (method) {
            case "ONLINE" -> {
                if (posted) {
                    violations.add(new Violation("delivery.method", "delivery-already-posted"));
                }
            }
            case "COUNTER" -> {
                if (posted) {
                    violations.add(new Violation("delivery.method", "delivery-already-posted"));
                    break;
                }
                Delivery d = c.request().delivery();
                if (ActionPolicy.blank(d.collectedByName())) {
                    violations.add(new Violation("delivery.collectedByName", "required"));
                }
                if (ActionPolicy.blank(d.collectedByNationalId())) {
                    violations.add(new Violation("delivery.collectedByNationalId", "required"));
                } else if (!wellFormedNationalId(d.collectedByNationalId().strip())) {
                    violations.add(new Violation("delivery.collectedByNationalId", "invalid-national-id"));
                }
            }
            case "POST" -> {
                if (!posted) {
                    violations.add(new Violation("delivery.method", "use-post-result"));
                }
            }
            default -> violations.add(new Violation("delivery.method", "invalid-delivery-method"));
        }
        return violations;
    }

    @Override
    public void write(DeskCase c, DeskWrites writes) {
        switch (method(c)) {
            case "COUNTER" -> {
                Delivery d = c.request().delivery();
                writes.resultCollected(
                        c.dossier().id(),
                        d.collectedByName().strip(),
                        d.collectedByNationalId().strip(),
                        c.now());
            }
            case "POST" -> writes.resultDelivered(c.dossier().id(), c.now());
            default -> {}
        }
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        Map<String, Object> details = new LinkedHashMap<>();
        String method = method(c);
        // online: as before, no details
        if (!method.equals("ONLINE")) {
            details.put("delivery", method);
        }
        if (method.equals("COUNTER")) {
            Delivery d = c.request().delivery();
            details.put("collectedByName", d.collectedByName().strip());
            details.put(
                    "collectedByNationalIdMasked",
                    masked(d.collectedByNationalId().strip()));
        }
        return new DossierLifecycle.Change(
                c.request().reason(), c.request().note(), c.dossier().dueDate(), List.of(), details);
    }

    /** 12 digits, the first three a province of birth registration (001 … 096); docs/design/domain.md. */
    static boolean wellFormedNationalId(String id) {
        if (!id.matches("\\d{12}")) {
            return false;
        }
        int province = Integer.parseInt(id.substring(0, 3));
        return province >= 1 && province <= 96;
    }

    static String masked(String id) {
        return id.substring(0, 3) + "******" + id.substring(9);
    }
}
