package vn.egov.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.UserApi;
import vn.egov.portal.signin.RenewedTokens;

/**
 * "Tài khoản": the signed-in citizen's profile as identity-service keeps it (the identity number masked as the
 * API masks it), and identity verification to level of assurance 2 against the population registry.
 */
@Controller
class ProfileController {

    /** The part of {@code GET /api/v1/identity/me} the page shows. */
    record Me(
            String fullName,
            String nationalIdMasked,
            LocalDate dateOfBirth,
            String email,
            String phone,
            int levelOfAssurance) {}

    /** The outcomes of a failed verification the page words itself (verify.problem.*); others are "other". */
    static final Set<String> VERIFY_PROBLEMS =
            Set.of("registry-mismatch", "no-citizen-profile", "registry-unavailable");

    static final String DONE = "da-xong";

    private final RestClient api;
    private final RenewedTokens tokens;

    ProfileController(@UserApi RestClient api, RenewedTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /**
     * The outcome of the last action comes as a query parameter of the redirect ({@code xac-minh}: {@code da-xong}
     * or a problem code; {@code lien-he=da-doi}): a sentence of the page's own, never text from the address.
     */
    @GetMapping("/tai-khoan")
    String profile(
            @RequestParam(name = "xac-minh", required = false) String verification,
            @RequestParam(name = "lien-he", required = false) String contact,
            Model model) {
        model.addAttribute("me", api.get().uri("/api/v1/identity/me").retrieve().body(Me.class));
        if (DONE.equals(verification)) {
            model.addAttribute("verified", true);
        } else if (verification != null) {
            model.addAttribute("verifyProblem", VERIFY_PROBLEMS.contains(verification) ? verification : "other");
        }
        model.addAttribute("contactChanged", "da-doi".equals(contact));
        return "account/profile";
    }

    /**
     * Verification needs no form fields: identity-service checks the identity number, name, date of birth and sex
     * given at registration with the registry. The outcome is said on the profile page (Post/Redirect/Get).
     */
    @PostMapping("/tai-khoan/xac-minh")
    String verify(HttpServletRequest request, HttpServletResponse response) {
        try {
            api.post().uri("/api/v1/identity/me/verification").retrieve().toBodilessEntity();
        } catch (ApiProblemException problem) {
            if (problem.status() == 401) {
                throw problem; // signed in again (ApiProblemAdvice)
            }
            // registry-mismatch, no-citizen-profile, registry-unavailable, … each said in words on the profile
            return "redirect:/tai-khoan?xac-minh="
                    + (VERIFY_PROBLEMS.contains(problem.code()) ? problem.code() : "other");
        }
        // level 2 is a claim of the token: the next call carries a refreshed one, so a procedure that needs level 2
        // can be submitted right away
        tokens.renewAtNextCall(request, response);
        return "redirect:/tai-khoan?xac-minh=" + DONE;
    }
}
