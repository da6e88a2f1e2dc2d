package vn.egov.dossier.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.egov.dossier.desk.DossierActions.Delivery;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/**
 * {@code post-result}: the result was sent by post ({@code delivery.trackingNumber}, {@code delivery.postedDate}, not
 * in the future); the dossier is POSTED until {@code return-result} confirms the delivery. The event carries the
 * tracking number as its reason.
 */
final class PostResultPolicy implements ActionPolicy {

    @Override
    public Action action() {
        return Action.POST_RESULT;
    }

    @Override
    public List<Violation> check(DeskCase c) {
        Delivery d = c.request().delivery();
        List<Violation> violations = new ArrayList<>();
        if (d == null || ActionPolicy.blank(d.trackingNumber())) {
            violations.add(new Violation("delivery.trackingNumber", "required"));
        }
        if (d == null || d.postedDate() == null) {
            violations.add(new Violation("delivery.postedDate", "required"));
        } else if (d.postedDate().isAfter(c.today())) {
            violations.add(new Violation("delivery.postedDate", "in-the-future"));
        }
        if (d != null && !ActionPolicy.blank(d.method()) && !d.method().strip().equalsIgnoreCase("POST")) {
            violations.add(new Violation("delivery.method", "invalid-delivery-method"));
        }
        return violations;
    }

    @Override
    public void write(DeskCase c, DeskWrites writes) {
        Delivery d = c.request().delivery();
        writes.resultPosted(c.dossier().id(), d.trackingNumber().strip(), d.postedDate(), c.now());
    }

    @Override
    public DossierLifecycle.Change change(DeskCase c) {
        Delivery d = c.request().delivery();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delivery", "POST");
        details.put("trackingNumber", d.trackingNumber().strip());
        details.put("postedDate", d.postedDate().toString());
        return new DossierLifecycle.Change(
                d.trackingNumber().strip(), c.request().note(), c.dossier().dueDate(), List.of(), details);
    }
}
