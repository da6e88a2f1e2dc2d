package vn.egov.portal.signin;

import java.util.List;

/** {@link StaffRoles#realmRoles} for the tests in the parent package. */
public final class StaffRolesAccess {

    private StaffRolesAccess() {}

    public static List<String> realmRoles(String token) {
        return StaffRoles.realmRoles(token);
    }
}
