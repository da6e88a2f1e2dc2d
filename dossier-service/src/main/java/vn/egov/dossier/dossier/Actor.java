package vn.egov.dossier.dossier;

import vn.egov.dossier.dossier.DossierTransitions.Role;

/** Who made a transition, as recorded in the history. */
public record Actor(String subject, Role role) {

    public static final Actor SYSTEM = new Actor("dossier-service", Role.SYSTEM);

    /** The role name of the event contract: the owner acts as a CITIZEN. */
    public String contractRole() {
        return role == Role.OWNER ? "CITIZEN" : role.name();
    }
}
