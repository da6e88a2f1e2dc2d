package vn.egov.dossier.desk;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.dossier.DossierTransitions.Action;

/** The policy of each action a client may name ({@link DossierTransitions#clientActions()}), one each. */
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
            new ExtendDeadlinePolicy(),
            new StopProcessingPolicy(),
            new PostResultPolicy());

    private static final Map<Action, ActionPolicy> BY_ACTION =
            new EnumMap<>(ALL.stream().collect(Collectors.toMap(ActionPolicy::action, Function.identity())));

    private ActionPolicies() {}

    static Optional<ActionPolicy> forAction(Action action) {
        return Optional.ofNullable(BY_ACTION.get(action));
    }
}
