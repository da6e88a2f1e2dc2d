package vn.egov.dossier.dossier;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierTransitions.Role;
import vn.egov.dossier.dossier.DossierTransitions.Status;

/**
 * Who may see a dossier, as a small policy: its owner, and officers/approvers of the agency handling it.
 * Everyone else is told it does not exist — the same 404 as for a code that was never issued.
 */
public final class DossierAccess {

    private DossierAccess() {}

    public static Set<Role> rolesOn(EgovPrincipal who, DossierRow d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (who.hasRole("CITIZEN") && who.subject() != null && who.subject().equals(d.applicantSubject())) {
            roles.add(Role.OWNER);
        }
        if (who.agency() != null && who.agency().equals(actingAgency(d))) {
            if (who.hasRole("OFFICER")) {
                roles.add(Role.OFFICER);
            }
            if (who.hasRole("APPROVER")) {
                roles.add(Role.APPROVER);
            }
        }
        return roles;
    }

    /**
     * The agency whose staff act on the dossier now: the service centre that receives it for its agency while it waits
     * to be received online (decision 61: it receives, refuses or hands it over), else the agency that handles it.
     */
    public static String actingAgency(DossierRow d) {
        return d.status() == Status.SUBMITTED
                        && d.receivingAgencyCode() != null
                        && !d.receivingAgencyCode().equals(d.agencyCode())
                ? d.receivingAgencyCode()
                : d.agencyCode();
    }

    /**
     * Who may read it: whoever has a role on it, and the officers and approvers of the service centre that received it
     * for its agency (decision 57), who follow it and hand its result over but do not handle it.
     */
    public static boolean canSee(EgovPrincipal who, DossierRow d) {
        return !rolesOn(who, d).isEmpty()
                || (d.receivingAgencyCode() != null
                        && d.receivingAgencyCode().equals(who.agency())
                        && (who.hasRole("OFFICER") || who.hasRole("APPROVER")));
    }

    public static ApiProblem notFound(String code) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-found", code);
    }
}
