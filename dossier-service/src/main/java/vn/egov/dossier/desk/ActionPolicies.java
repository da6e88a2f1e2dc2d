package vn.egov.dossier.desk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.egov.dossier.dossier.DossierTransitions;

/** The policy of each action a client may name ({@link DossierTransitions#CLIENT_ACTIONS}), one each. */
final class ActionPolicies {

    static final List<ActionPolicy> ALL = List.of(
            new ReceivePolicy(),
            new RequestSupplementPolicy(),
            new ForwardPolicy(),
            new ResolvePolicy(),
            new RejectPolicy(),
            new ReturnResultPolicy(),
            new TransferPolicy(),
            new WithdrawPolicy(),
            new ExtendDeadlinePolicy());

    private static final Map<String, ActionPolicy> BY_ACTION =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ActionPolicy::action, Function.identity()));

    private ActionPolicies() {}

    static Optional<ActionPolicy> forAction(String action) {
        return Optional.ofNullable(BY_ACTION.get(action));
    }
}
