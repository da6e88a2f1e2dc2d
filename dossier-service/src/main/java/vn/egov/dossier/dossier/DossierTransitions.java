package vn.egov.dossier.dossier;

import static vn.egov.dossier.dossier.DossierTransitions.Action.EXTEND_DEADLINE;
import static vn.egov.dossier.dossier.DossierTransitions.Action.FORWARD;
import static vn.egov.dossier.dossier.DossierTransitions.Action.OVERDUE;
import static vn.egov.dossier.dossier.DossierTransitions.Action.PAY;
import static vn.egov.dossier.dossier.DossierTransitions.Action.POST_RESULT;
import static vn.egov.dossier.dossier.DossierTransitions.Action.RATE;
import static vn.egov.dossier.dossier.DossierTransitions.Action.RECEIVE;
import static vn.egov.dossier.dossier.DossierTransitions.Action.REJECT;
import static vn.egov.dossier.dossier.DossierTransitions.Action.REQUEST_SUPPLEMENT;
import static vn.egov.dossier.dossier.DossierTransitions.Action.RESOLVE;
import static vn.egov.dossier.dossier.DossierTransitions.Action.RETURN_RESULT;
import static vn.egov.dossier.dossier.DossierTransitions.Action.STOP_PROCESSING;
import static vn.egov.dossier.dossier.DossierTransitions.Action.SUPPLEMENT;
import static vn.egov.dossier.dossier.DossierTransitions.Action.TRANSFER;
import static vn.egov.dossier.dossier.DossierTransitions.Action.WITHDRAW;
import static vn.egov.dossier.dossier.DossierTransitions.Role.APPROVER;
import static vn.egov.dossier.dossier.DossierTransitions.Role.OFFICER;
import static vn.egov.dossier.dossier.DossierTransitions.Role.OWNER;
import static vn.egov.dossier.dossier.DossierTransitions.Role.SYSTEM;
import static vn.egov.dossier.dossier.DossierTransitions.Status.AWAITING_PAYMENT;
import static vn.egov.dossier.dossier.DossierTransitions.Status.AWAITING_SUPPLEMENT;
import static vn.egov.dossier.dossier.DossierTransitions.Status.IN_PROCESSING;
import static vn.egov.dossier.dossier.DossierTransitions.Status.POSTED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.RECEIVED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.REJECTED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.RESOLVED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.RESULT_RETURNED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.STOPPED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.SUBMITTED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.TRANSFERRED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.WITHDRAWN;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;

/**
 * The dossier lifecycle as data: every allowed (state, action, role) and what it leads to. Anything not
 * in {@link #TABLE} is refused. The only writer of a dossier's status ({@code DossierLifecycle}) asks
 * this table first.
 *
 * <p>Some rows keep the status ({@code to == from}, {@link Transition#changesStatus()} false): facts about the
 * dossier that are allowed only in given states — the apology with a new appointment (extend-deadline), the
 * overdue notice, the owner's rating. They are in the table so that one place says what may happen in which state;
 * a final state allows such facts (the rating) but never a change of status (decision 16).
 *
 * <p>Variants of docs/design/domain.md, on purpose: after a supplement the dossier goes back to RECEIVED (the
 * one-stop officer re-checks completeness, then forwards again); TRANSFERRED is the state of a dossier
 * handed to another agency, which receives it from there like a SUBMITTED one; extend-deadline (the
 * apology and new appointment date) keeps the state and only moves the due date.
 */
public final class DossierTransitions {

    public enum Status {
        AWAITING_PAYMENT,
        SUBMITTED,
        RECEIVED,
        IN_PROCESSING,
        AWAITING_SUPPLEMENT,
        RESOLVED,
        REJECTED,
        RESULT_RETURNED,
        WITHDRAWN,
        TRANSFERRED,
        /** The agency stopped processing it (Mẫu 05); final. */
        STOPPED,
        /**
         * A walk-in found incomplete at the counter: nothing received, no appointment; the missing documents were
         * listed once (Mẫu 02). Final, and reached without a row of the table (like a submission, it starts here).
         */
        GUIDED,
        /** The result was sent by post; return-result confirms its delivery. */
        POSTED;

        /** No status follows a final one (facts such as a rating may still be recorded). */
        public boolean isFinal() {
            return this == REJECTED
                    || this == RESULT_RETURNED
                    || this == WITHDRAWN
                    || this == STOPPED
                    || this == GUIDED;
        }
    }

    /** Who may act: OWNER is the citizen who submitted; OFFICER/APPROVER must belong to the handling agency. */
    public enum Role {
        OWNER,
        OFFICER,
        APPROVER,
        SYSTEM
    }

    /**
     * What happens to a dossier. {@link #wireName()} is its name everywhere outside Java: the path
     * {@code /actions/{action}}, the history's {@code action}, the event's {@code action}; {@link #clientNamed()}:
     * a client may name it in {@code POST /actions/{action}} (supplement and rating have their own endpoints, pay and
     * overdue are the system's).
     */
    public enum Action {
        PAY("pay", false),
        RECEIVE("receive", true),
        REQUEST_SUPPLEMENT("request-supplement", true),
        SUPPLEMENT("supplement", false),
        FORWARD("forward", true),
        RESOLVE("resolve", true),
        REJECT("reject", true),
        RETURN_RESULT("return-result", true),
        TRANSFER("transfer", true),
        WITHDRAW("withdraw", true),
        EXTEND_DEADLINE("extend-deadline", true),
        OVERDUE("overdue", false),
        RATE("rate", false),
        STOP_PROCESSING("stop-processing", true),
        POST_RESULT("post-result", true);

        private final String wireName;
        private final boolean clientNamed;

        Action(String wireName, boolean clientNamed) {
            this.wireName = wireName;
            this.clientNamed = clientNamed;
        }

        public String wireName() {
            return wireName;
        }

        public boolean clientNamed() {
            return clientNamed;
        }

        /** The action a client names in {@code /actions/{action}}; empty for any other name. */
        public static Optional<Action> clientNamed(String wireName) {
            return Arrays.stream(values())
                    .filter(a -> a.clientNamed && a.wireName.equals(wireName))
                    .findFirst();
        }
    }

    public record Transition(Status from, Action action, Role role, Status to, String eventType) {

        /** False for a fact about the dossier (the status stays). */
        public boolean changesStatus() {
            return from != to;
        }
    }

    public static final List<Transition> TABLE = List.of(
            t(AWAITING_PAYMENT, PAY, SYSTEM, SUBMITTED, DossierLifecycleEventV1.SUBMITTED),
            t(SUBMITTED, RECEIVE, OFFICER, RECEIVED, DossierLifecycleEventV1.RECEIVED),
            t(TRANSFERRED, RECEIVE, OFFICER, RECEIVED, DossierLifecycleEventV1.RECEIVED),
            t(RECEIVED, REQUEST_SUPPLEMENT, OFFICER, AWAITING_SUPPLEMENT, DossierLifecycleEventV1.SUPPLEMENT_REQUESTED),
            t(
                    IN_PROCESSING,
                    REQUEST_SUPPLEMENT,
                    OFFICER,
                    AWAITING_SUPPLEMENT,
                    DossierLifecycleEventV1.SUPPLEMENT_REQUESTED),
            t(AWAITING_SUPPLEMENT, SUPPLEMENT, OWNER, RECEIVED, DossierLifecycleEventV1.SUPPLEMENTED),
            t(RECEIVED, FORWARD, OFFICER, IN_PROCESSING, DossierLifecycleEventV1.FORWARDED),
            t(IN_PROCESSING, RESOLVE, APPROVER, RESOLVED, DossierLifecycleEventV1.RESOLVED),
            t(SUBMITTED, REJECT, OFFICER, REJECTED, DossierLifecycleEventV1.REJECTED),
            t(RECEIVED, REJECT, OFFICER, REJECTED, DossierLifecycleEventV1.REJECTED),
            t(IN_PROCESSING, REJECT, APPROVER, REJECTED, DossierLifecycleEventV1.REJECTED),
            t(RESOLVED, RETURN_RESULT, OFFICER, RESULT_RETURNED, DossierLifecycleEventV1.RESULT_RETURNED),
            // by post: sent (tracking number, posted date), then return-result when delivered
            t(RESOLVED, POST_RESULT, OFFICER, POSTED, DossierLifecycleEventV1.RESULT_POSTED),
            t(POSTED, RETURN_RESULT, OFFICER, RESULT_RETURNED, DossierLifecycleEventV1.RESULT_RETURNED),
            t(SUBMITTED, TRANSFER, OFFICER, TRANSFERRED, DossierLifecycleEventV1.TRANSFERRED),
            t(RECEIVED, TRANSFER, OFFICER, TRANSFERRED, DossierLifecycleEventV1.TRANSFERRED),
            // Mẫu 05: the agency stops processing (reason required); the approver once it is with them
            t(RECEIVED, STOP_PROCESSING, OFFICER, STOPPED, DossierLifecycleEventV1.STOPPED),
            t(AWAITING_SUPPLEMENT, STOP_PROCESSING, OFFICER, STOPPED, DossierLifecycleEventV1.STOPPED),
            t(IN_PROCESSING, STOP_PROCESSING, APPROVER, STOPPED, DossierLifecycleEventV1.STOPPED),
            t(AWAITING_PAYMENT, WITHDRAW, OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(SUBMITTED, WITHDRAW, OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(TRANSFERRED, WITHDRAW, OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(RECEIVED, WITHDRAW, OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(IN_PROCESSING, WITHDRAW, OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(AWAITING_SUPPLEMENT, WITHDRAW, OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            // facts: the status stays
            t(RECEIVED, EXTEND_DEADLINE, OFFICER, RECEIVED, DossierLifecycleEventV1.DEADLINE_EXTENDED),
            t(IN_PROCESSING, EXTEND_DEADLINE, OFFICER, IN_PROCESSING, DossierLifecycleEventV1.DEADLINE_EXTENDED),
            t(IN_PROCESSING, EXTEND_DEADLINE, APPROVER, IN_PROCESSING, DossierLifecycleEventV1.DEADLINE_EXTENDED),
            // the agency's clock runs only while it holds the dossier (paused while awaiting a supplement)
            t(RECEIVED, OVERDUE, SYSTEM, RECEIVED, DossierLifecycleEventV1.OVERDUE),
            t(IN_PROCESSING, OVERDUE, SYSTEM, IN_PROCESSING, DossierLifecycleEventV1.OVERDUE),
            // once, after the result was returned (once: dossier_rating's key)
            t(RESULT_RETURNED, RATE, OWNER, RESULT_RETURNED, DossierLifecycleEventV1.RATED));

    private DossierTransitions() {}

    private static Transition t(Status from, Action action, Role role, Status to, String eventType) {
        return new Transition(from, action, role, to, eventType);
    }

    public static Optional<Transition> find(Status from, Action action, Role role) {
        return TABLE.stream()
                .filter(t -> t.from() == from && t.action() == action && t.role() == role)
                .findFirst();
    }

    /** The roles that may take {@code action} in some state. */
    public static Set<Role> rolesFor(Action action) {
        return TABLE.stream()
                .filter(t -> t.action() == action)
                .map(Transition::role)
                .collect(Collectors.toSet());
    }

    /** The states in which {@code action} is allowed (to anyone). */
    public static Set<Status> statusesAllowing(Action action) {
        return TABLE.stream()
                .filter(t -> t.action() == action)
                .map(Transition::from)
                .collect(Collectors.toSet());
    }

    /** The actions a client may name in {@code POST /actions/{action}}. */
    public static Set<Action> clientActions() {
        return Arrays.stream(Action.values()).filter(Action::clientNamed).collect(Collectors.toSet());
    }
}
