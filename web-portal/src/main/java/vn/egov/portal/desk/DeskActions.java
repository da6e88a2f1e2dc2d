package vn.egov.portal.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desk's actions, one entry each, keyed by the action's wire name (dossier-service's
 * {@code POST /api/v1/dossiers/{code}/actions/{action}}): in which statuses and for which roles the page offers it
 * (a copy of dossier-service's transition table, {@code DossierTransitions}; the API decides anyway and its refusal
 * is shown), the inputs its form has, and whether it asks for a confirmation (it cannot be undone). A new action
 * (work-walkin's stop-processing, hand-over) is one more entry here and its labels in messages*.properties
 * ({@code desk.action.<name>}, {@code desk.action.<name>.help}).
 */
final class DeskActions {

    /** An input of an action's form; the name is the form field's and the API body's. */
    enum Input {
        REASON,
        REASON_REQUIRED,
        NOTE,
        NEW_APPOINTMENT_DATE,
        TARGET_AGENCY,
        MISSING_DOCUMENTS,
        RESULT_FILE,
        // the hand-over (decision 35): who collected the result at the counter, or the post's tracking number
        COLLECTOR_NAME,
        COLLECTOR_ID,
        TRACKING_NUMBER,
        POSTED_DATE
    }

    /** Who may take the action in a status. */
    record When(String status, String role) {}

    /**
     * {@code api}: the wire name the API is called with (several forms may call one action: return-result online, at
     * the counter, after the post); {@code delivery}: the {@code delivery.method} sent with it, null for none.
     */
    record Action(String name, List<When> when, List<Input> inputs, boolean irreversible, String api, String delivery) {

        Action(String name, List<When> when, List<Input> inputs, boolean irreversible) {
            this(name, when, inputs, irreversible, name, null);
        }

        boolean allowed(String status, Set<String> roles) {
            return when.stream().anyMatch(w -> w.status().equals(status) && roles.contains(w.role()));
        }

        public boolean has(String input) {
            return inputs.contains(Input.valueOf(input));
        }

        /** The form's id on the page (and the anchor the answer scrolls to). */
        public String anchor() {
            return "action-" + name;
        }
    }

    private static final String OFFICER = "OFFICER";
    private static final String APPROVER = "APPROVER";

    /** In the order the page shows them: the usual next step first, the irreversible ones last. */
    static final Map<String, Action> ALL = table(
            new Action(
                    "receive",
                    List.of(new When("SUBMITTED", OFFICER), new When("TRANSFERRED", OFFICER)),
                    List.of(Input.NOTE),
                    false),
            new Action("forward", List.of(new When("RECEIVED", OFFICER)), List.of(Input.NOTE), false),
            new Action(
                    "resolve",
                    List.of(new When("IN_PROCESSING", APPROVER)),
                    List.of(Input.RESULT_FILE, Input.NOTE),
                    true),
            // the hand-over (decision 35): at the counter, by post (then its delivery confirmed), or online
            new Action(
                    "return-counter",
                    List.of(new When("RESOLVED", OFFICER)),
                    List.of(Input.COLLECTOR_NAME, Input.COLLECTOR_ID, Input.NOTE),
                    true,
                    "return-result",
                    "COUNTER"),
            new Action(
                    "post-result",
                    List.of(new When("RESOLVED", OFFICER)),
                    List.of(Input.TRACKING_NUMBER, Input.POSTED_DATE, Input.NOTE),
                    true,
                    "post-result",
                    "POST"),
            new Action("return-result", List.of(new When("RESOLVED", OFFICER)), List.of(Input.NOTE), true),
            new Action(
                    "return-posted",
                    List.of(new When("POSTED", OFFICER)),
                    List.of(Input.NOTE),
                    true,
                    "return-result",
                    "POST"),
            new Action(
                    "request-supplement",
                    List.of(new When("RECEIVED", OFFICER), new When("IN_PROCESSING", OFFICER)),
                    List.of(Input.MISSING_DOCUMENTS, Input.REASON_REQUIRED, Input.NOTE),
                    false),
            new Action(
                    "extend-deadline",
                    List.of(
                            new When("RECEIVED", OFFICER),
                            new When("IN_PROCESSING", OFFICER),
                            new When("IN_PROCESSING", APPROVER)),
                    List.of(Input.NEW_APPOINTMENT_DATE, Input.REASON_REQUIRED),
                    false),
            new Action(
                    "transfer",
                    List.of(new When("SUBMITTED", OFFICER), new When("RECEIVED", OFFICER)),
                    List.of(Input.TARGET_AGENCY, Input.REASON_REQUIRED),
                    true),
            new Action(
                    "stop-processing",
                    List.of(
                            new When("RECEIVED", OFFICER),
                            new When("AWAITING_SUPPLEMENT", OFFICER),
                            new When("IN_PROCESSING", APPROVER)),
                    List.of(Input.REASON_REQUIRED, Input.NOTE),
                    true),
            new Action(
                    "reject",
                    List.of(
                            new When("SUBMITTED", OFFICER),
                            new When("RECEIVED", OFFICER),
                            new When("IN_PROCESSING", APPROVER)),
                    List.of(Input.REASON_REQUIRED, Input.NOTE),
                    true));

    private DeskActions() {}

    /** The actions the user's roles allow in the dossier's status, in the table's order. */
    static List<Action> allowed(String status, Set<String> roles) {
        return ALL.values().stream().filter(a -> a.allowed(status, roles)).toList();
    }

    private static Map<String, Action> table(Action... actions) {
        Map<String, Action> byName = new LinkedHashMap<>();
        for (Action action : actions) {
            byName.put(action.name(), action);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
