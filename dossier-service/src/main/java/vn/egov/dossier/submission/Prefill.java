package vn.egov.dossier.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.dossier.identity.IdentityProfiles;
import vn.egov.dossier.procedure.Procedure;

/**
 * Once-only: fills the form fields a procedure marks with a {@code prefill} source from what the state already
 * holds about the applicant, when the citizen left them out. A value the citizen gave is kept (and checked like
 * any other). Sources:
 * <ul>
 *   <li>APPLICANT_FULL_NAME: identity-service's profile ({@code fullName}), else the token's
 *       {@code family_name} + {@code given_name} (Vietnamese order) or {@code name};</li>
 *   <li>APPLICANT_DATE_OF_BIRTH: the profile's {@code dateOfBirth}, else the token's {@code birthdate};</li>
 *   <li>APPLICANT_SEX: digit 4 of the citizen's CCCD (their username; even = male, odd = female), else the
 *       token's {@code gender}.</li>
 * </ul>
 * identity-service is asked at most once, only when a name or date of birth is missing; when it cannot answer
 * the token is used, and what is still unknown stays empty (a required field is then reported as usual).
 */
final class Prefill {

    record Result(Map<String, Object> formData, List<String> prefilled) {}

    private Prefill() {}

    static Result fill(
            Procedure procedure,
            Map<String, Object> given,
            EgovPrincipal who,
            Map<String, Object> claims,
            Supplier<Optional<IdentityProfiles.Profile>> profile) {
        Map<String, Object> form = given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
        List<String> prefilled = new ArrayList<>();
        for (Procedure.FormField field : procedure.fields()) {
            Object current = form.get(field.name());
            if (field.prefill() == null || current != null && !(current instanceof String s && s.isBlank())) {
                continue;
            }
            Object value = switch (field.prefill()) {
                case "APPLICANT_FULL_NAME" ->
                    profile.get()
                            .map(IdentityProfiles.Profile::fullName)
                            .filter(n -> !n.isBlank())
                            .map(Object.class::cast)
                            .orElseGet(() -> nameFromToken(claims));
                case "APPLICANT_DATE_OF_BIRTH" ->
                    profile.get()
                            .map(IdentityProfiles.Profile::dateOfBirth)
                            .map(d -> (Object) d.toString())
                            .orElseGet(() -> claims.get("birthdate"));
                case "APPLICANT_SEX" -> sex(who.username(), claims.get("gender"));
                default -> null;
            };
            if (value != null) {
                form.put(field.name(), value);
                prefilled.add(field.name());
            }
        }
        return new Result(form, prefilled);
    }

    static Object nameFromToken(Map<String, Object> claims) {
        Object family = claims.get("family_name");
        Object given = claims.get("given_name");
        if (family != null && given != null) {
            return family + " " + given;
        }
        return claims.get("name");
    }

    /** CCCD digit 4 encodes century and sex: 0/2/4/6/8 male, 1/3/5/7/9 female. */
    static String sex(String nationalId, Object genderClaim) {
        if (nationalId != null && nationalId.matches("\\d{12}")) {
            return (nationalId.charAt(3) - '0') % 2 == 0 ? "MALE" : "FEMALE";
        }
        if (genderClaim != null) {
            String g = genderClaim.toString().trim().toUpperCase(java.util.Locale.ROOT);
            if (g.equals("MALE") || g.equals("FEMALE")) {
                return g;
            }
        }
        return null;
    }
}
