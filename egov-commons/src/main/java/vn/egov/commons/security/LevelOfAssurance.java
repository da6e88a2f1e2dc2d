package vn.egov.commons.security;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import vn.egov.commons.web.ApiProblem;

/**
 * "This action needs an identity verified to level N": one check and one problem for every service.
 * The level is the token's {@code loa} claim (1 = registered account, 2 = identity confirmed against the
 * national population registry); a token issued before a verification still carries the old level, so
 * the client signs in again (or refreshes) to act at the new one.
 *
 * <p>A level below the required one is 403 {@code level-of-assurance-required} with the properties
 * {@code requiredLevel} and {@code currentLevel}; its message arguments are {@code {0}} the required and
 * {@code {1}} the current level. No authenticated caller at all is 401 {@code unauthorized}.
 */
public final class LevelOfAssurance {

    public static final String PROBLEM = "level-of-assurance-required";

    private LevelOfAssurance() {}

    /** Throws unless the caller's token says at least {@code required}. */
    public static void require(Authentication authentication, int required) {
        EgovPrincipal principal = EgovPrincipal.from(authentication)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized"));
        require(principal, required);
    }

    /** Throws unless this principal's level is at least {@code required}. */
    public static void require(EgovPrincipal principal, int required) {
        if (principal == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized");
        }
        if (principal.levelOfAssurance() < required) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    PROBLEM,
                    List.of(),
                    Map.of("requiredLevel", required, "currentLevel", principal.levelOfAssurance()),
                    required,
                    principal.levelOfAssurance());
        }
    }
}
