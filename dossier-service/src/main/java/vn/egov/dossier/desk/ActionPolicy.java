package vn.egov.dossier.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.desk.DossierActions.ActionRequest;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.procedure.Procedure;

/**
 * One desk action: what it checks and what it changes. Which transition it makes (from which status, by which
 * role, to which status, with which event) is not its business: {@code DossierTransitions} decides that before a
 * policy is asked; {@link ActionPolicies} picks the policy by the action.
 */
interface ActionPolicy {

    /** The action, as in the transition table; its wire name is the path's {@code /actions/{action}}. */
    Action action();

    /** What is wrong with the request for this dossier; empty when the action may go ahead. */
    default List<Violation> check(DeskCase c) {
        return List.of();
    }

    /** Row updates besides the status (received date, resolution time, agency…); none by default. */
    default void write(DeskCase c, DeskWrites writes) {}

    /** The row the transition applies to (the transfer names the new agency). */
    default DossierRow subject(DeskCase c) {
        return c.dossier();
    }

    /** What the transition records and publishes: reason, note, due date, details. */
    DossierLifecycle.Change change(DeskCase c);

    /** A field error before it is worded in the caller's language. */
    record Violation(String field, String code, Object... args) {}

    /**
     * Everything a policy decides on. {@code procedure} is read only by the policies that need it.
     */
    record DeskCase(
            DossierRow dossier,
            ActionRequest request,
            LocalDate today,
            Instant now,
            Supplier<Procedure> procedure,
            Deadlines deadlines) {}

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
