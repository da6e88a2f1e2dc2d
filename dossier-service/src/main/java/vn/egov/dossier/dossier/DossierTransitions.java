package vn.egov.dossier.dossier;

import static vn.egov.dossier.dossier.DossierTransitions.Role.APPROVER;
import static vn.egov.dossier.dossier.DossierTransitions.Role.OFFICER;
import static vn.egov.dossier.dossier.DossierTransitions.Role.OWNER;
import static vn.egov.dossier.dossier.DossierTransitions.Role.SYSTEM;
import static vn.egov.dossier.dossier.DossierTransitions.Status.AWAITING_PAYMENT;
import static vn.egov.dossier.dossier.DossierTransitions.Status.AWAITING_SUPPLEMENT;
import static vn.egov.dossier.dossier.DossierTransitions.Status.IN_PROCESSING;
import static vn.egov.dossier.dossier.DossierTransitions.Status.RECEIVED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.REJECTED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.RESOLVED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.RESULT_RETURNED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.SUBMITTED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.TRANSFERRED;
import static vn.egov.dossier.dossier.DossierTransitions.Status.WITHDRAWN;

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
        TRANSFERRED
    }

    /** Who may act: OWNER is the citizen who submitted; OFFICER/APPROVER must belong to the handling agency. */
    public enum Role {
        OWNER,
        OFFICER,
        APPROVER,
        SYSTEM
    }

    public record Transition(Status from, String action, Role role, Status to, String eventType) {}

    public static final List<Transition> TABLE = List.of(
            t(AWAITING_PAYMENT, "pay", SYSTEM, SUBMITTED, DossierLifecycleEventV1.SUBMITTED),
            t(SUBMITTED, "receive", OFFICER, RECEIVED, DossierLifecycleEventV1.RECEIVED),
            t(TRANSFERRED, "receive", OFFICER, RECEIVED, DossierLifecycleEventV1.RECEIVED),
            t(
                    RECEIVED,
                    "request-supplement",
                    OFFICER,
                    AWAITING_SUPPLEMENT,
                    DossierLifecycleEventV1.SUPPLEMENT_REQUESTED),
            t(
                    IN_PROCESSING,
                    "request-supplement",
                    OFFICER,
                    AWAITING_SUPPLEMENT,
                    DossierLifecycleEventV1.SUPPLEMENT_REQUESTED),
            t(AWAITING_SUPPLEMENT, "supplement", OWNER, RECEIVED, DossierLifecycleEventV1.SUPPLEMENTED),
            t(RECEIVED, "forward", OFFICER, IN_PROCESSING, DossierLifecycleEventV1.FORWARDED),
            t(IN_PROCESSING, "resolve", APPROVER, RESOLVED, DossierLifecycleEventV1.RESOLVED),
            t(SUBMITTED, "reject", OFFICER, REJECTED, DossierLifecycleEventV1.REJECTED),
            t(RECEIVED, "reject", OFFICER, REJECTED, DossierLifecycleEventV1.REJECTED),
            t(IN_PROCESSING, "reject", APPROVER, REJECTED, DossierLifecycleEventV1.REJECTED),
            t(RESOLVED, "return-result", OFFICER, RESULT_RETURNED, DossierLifecycleEventV1.RESULT_RETURNED),
            t(SUBMITTED, "transfer", OFFICER, TRANSFERRED, DossierLifecycleEventV1.TRANSFERRED),
            t(RECEIVED, "transfer", OFFICER, TRANSFERRED, DossierLifecycleEventV1.TRANSFERRED),
            t(AWAITING_PAYMENT, "withdraw", OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(SUBMITTED, "withdraw", OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(TRANSFERRED, "withdraw", OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(RECEIVED, "withdraw", OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(IN_PROCESSING, "withdraw", OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(AWAITING_SUPPLEMENT, "withdraw", OWNER, WITHDRAWN, DossierLifecycleEventV1.WITHDRAWN),
            t(RECEIVED, "extend-deadline", OFFICER, RECEIVED, DossierLifecycleEventV1.DEADLINE_EXTENDED),
            t(IN_PROCESSING, "extend-deadline", OFFICER, IN_PROCESSING, DossierLifecycleEventV1.DEADLINE_EXTENDED),
            t(IN_PROCESSING, "extend-deadline", APPROVER, IN_PROCESSING, DossierLifecycleEventV1.DEADLINE_EXTENDED));

    /** Actions a client may name in {@code POST /actions/{action}} (supplement has its own endpoint, pay is the system's). */
    public static final Set<String> CLIENT_ACTIONS = Set.of(
            "receive",
            "request-supplement",
            "forward",
            "resolve",
            "reject",
            "return-result",
            "transfer",
            "withdraw",
            "extend-deadline");

    private DossierTransitions() {}

    private static Transition t(Status from, String action, Role role, Status to, String eventType) {
        return new Transition(from, action, role, to, eventType);
    }

    public static Optional<Transition> find(Status from, String action, Role role) {
        return TABLE.stream()
                .filter(t -> t.from() == from && t.action().equals(action) && t.role() == role)
                .findFirst();
    }

    /** The roles that may take {@code action} in some state. */
    public static Set<Role> rolesFor(String action) {
        return TABLE.stream()
                .filter(t -> t.action().equals(action))
                .map(Transition::role)
                .collect(Collectors.toSet());
    }

    public static boolean isKnownAction(String action) {
        return TABLE.stream().anyMatch(t -> t.action().equals(action));
    }
}
