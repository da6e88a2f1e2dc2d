package vn.egov.portal.dossier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;

/**
 * One dossier of the signed-in citizen: its details, timeline, documents and results (downloaded through the
 * portal with the user's token), withdraw (with a confirmation step) and rating. Whether the user may see it is
 * the API's answer: another citizen's dossier is the API's 404, hence the 404 page.
 */
@Controller
class DossierPageController {

    /** The statuses from which the owner may withdraw (dossier-service's transition table); the API decides anyway. */
    static final Set<String> WITHDRAWABLE =
            Set.of("AWAITING_PAYMENT", "SUBMITTED", "TRANSFERRED", "RECEIVED", "IN_PROCESSING", "AWAITING_SUPPLEMENT");

    private final MyDossiers dossiers;
    private final ProblemMessages problems;

    DossierPageController(MyDossiers dossiers, ProblemMessages problems) {
        this.dossiers = dossiers;
        this.problems = problems;
    }

    @GetMapping("/ho-so/{code}")
    String page(@PathVariable String code, Model model) {
        if (!model.containsAttribute("rating")) {
            model.addAttribute("rating", new RatingForm(null, null));
        }
        return show(code, model);
    }

    @GetMapping("/ho-so/{code}/rut")
    String confirmWithdraw(@PathVariable String code, Model model) {
        MyDossiers.Dossier dossier = dossiers.find(code);
        if (!WITHDRAWABLE.contains(dossier.status())) {
            return "redirect:/ho-so/" + code;
        }
        model.addAttribute("dossier", dossier);
        model.addAttribute("withdraw", new WithdrawForm(null));
        return "withdraw";
    }

    @PostMapping("/ho-so/{code}/rut")
    String withdraw(
            @PathVariable String code,
            @Valid @ModelAttribute("withdraw") WithdrawForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes next) {
        if (errors.hasErrors()) {
            model.addAttribute("dossier", dossiers.find(code));
            return "withdraw";
        }
        try {
            dossiers.withdraw(code, form.reason());
            next.addFlashAttribute("notice", "dossier.withdrawn");
        } catch (ApiProblemException problem) {
            refused(problem, next);
        }
        return "redirect:/ho-so/" + code;
    }

    @PostMapping("/ho-so/{code}/danh-gia")
    String rate(
            @PathVariable String code,
            @Valid @ModelAttribute("rating") RatingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes next) {
        if (errors.hasErrors()) {
            // the page again, with the messages next to the fields and what the user typed kept
            return show(code, model);
        }
        try {
            dossiers.rate(code, form.score(), form.comment());
            next.addFlashAttribute("notice", "dossier.rated");
        } catch (ApiProblemException problem) {
            refused(problem, next);
        }
        return "redirect:/ho-so/" + code;
    }

    /** A document of the dossier (the citizen's own or a result), streamed from the API with the user's token. */
    @GetMapping("/ho-so/{code}/tai-lieu/{id}")
    void download(@PathVariable String code, @PathVariable UUID id, HttpServletResponse response) {
        dossiers.download(code, id, response);
    }

    private String show(String code, Model model) {
        MyDossiers.Dossier dossier = dossiers.find(code);
        List<MyDossiers.HistoryEntry> history = dossiers.history(code);
        model.addAttribute("dossier", dossier);
        model.addAttribute("history", history);
        model.addAttribute(
                "results",
                dossier.documents().stream()
                        .filter(d -> "RESULT".equals(d.kind()))
                        .toList());
        model.addAttribute(
                "documents",
                dossier.documents().stream()
                        .filter(d -> !"RESULT".equals(d.kind()))
                        .toList());
        model.addAttribute("canWithdraw", WITHDRAWABLE.contains(dossier.status()));
        MyDossiers.HistoryEntry rated = history.stream()
                .filter(h -> "rate".equals(h.action()))
                .findFirst()
                .orElse(null);
        model.addAttribute("rated", rated);
        model.addAttribute("canRate", "RESULT_RETURNED".equals(dossier.status()) && rated == null);
        return "dossier";
    }

    /**
     * The API refused the change (the dossier moved on meanwhile, it was rated already, …): the dossier page
     * again with the reason as a sentence at the top. A 404 (not the user's) and failures are the usual pages.
     */
    private void refused(ApiProblemException problem, RedirectAttributes next) {
        if (problem.status() != 409 && problem.status() != 422 && problem.status() != 403) {
            throw problem;
        }
        next.addFlashAttribute("problem", problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
    }
}
