package vn.egov.portal.dossier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.payment.Payments;

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

    private static final Pattern DOCUMENT_FIELD = Pattern.compile("documents\\[(\\d+)\\].*");

    private final MyDossiers dossiers;
    private final ProblemMessages problems;
    private final Payments payments;
    private final SupplementFiles supplementFiles;
    private final DossierPapers papers;

    DossierPageController(
            MyDossiers dossiers,
            ProblemMessages problems,
            Payments payments,
            SupplementFiles supplementFiles,
            DossierPapers papers) {
        this.papers = papers;
        this.dossiers = dossiers;
        this.problems = problems;
        this.payments = payments;
        this.supplementFiles = supplementFiles;
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

    /**
     * "Thanh toán": the dossier's order as payment-service has it now, then the browser goes to the gateway's page
     * (the address the API gave for that order). A POST (with the CSRF token) so that no link or prefetch starts a
     * payment; an order that can no longer be paid (settled meanwhile, expired, failed) brings the user back with a
     * sentence, a paid one to its outcome page.
     */
    @PostMapping("/ho-so/{code}/thanh-toan")
    View pay(@PathVariable String code, RedirectAttributes next) {
        MyDossiers.Dossier dossier = dossiers.find(code);
        if ("AWAITING_PAYMENT".equals(dossier.status()) && dossier.payment() != null) {
            Payments.Order order = payments.find(dossier.payment().id());
            if (order.payable()) {
                RedirectView gateway = new RedirectView(order.paymentUrl());
                gateway.setExpandUriTemplateVariables(false);
                gateway.setPropagateQueryParams(false);
                return gateway;
            }
            if (order.paid()) {
                return new RedirectView("/thanh-toan/" + order.id(), true);
            }
        }
        next.addFlashAttribute("notice", "payment.not-payable");
        return new RedirectView("/ho-so/" + code, true);
    }

    /**
     * The supplement the agency asked for: one file per requested document, checked here (present, size, type from
     * the bytes) and then by the API; errors go next to their fields, the API's too ({@code documents[i]…} is the
     * i-th requested document). Afterwards the dossier page shows the new status.
     */
    @PostMapping("/ho-so/{code}/bo-sung")
    String supplement(
            @PathVariable String code,
            @RequestParam(name = "note", required = false) String note,
            @RequestParam Map<String, MultipartFile> files,
            Model model,
            RedirectAttributes next) {
        MyDossiers.Dossier dossier = dossiers.find(code);
        if (!"AWAITING_SUPPLEMENT".equals(dossier.status())) {
            next.addFlashAttribute(
                    "problem", problems.sentence("dossier-transition-not-allowed", LocaleContextHolder.getLocale()));
            return "redirect:/ho-so/" + code;
        }
        List<MyDossiers.HistoryEntry> history = dossiers.history(code);
        List<MyDossiers.Requirement> requested = requested(dossier);
        SupplementFiles.Checked checked = supplementFiles.check(requested, files, note);
        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
        if (errors.isEmpty()) {
            try {
                dossiers.supplement(code, note, checked.uploads());
                next.addFlashAttribute("notice", "supplement.sent");
                return "redirect:/ho-so/" + code;
            } catch (ApiProblemException problem) {
                if (problem.status() == 409 || problem.status() == 403) {
                    refused(problem, next);
                    return "redirect:/ho-so/" + code;
                }
                if (problem.status() != 400 && problem.status() != 413 && problem.status() != 422) {
                    throw problem;
                }
                apiErrors(problem, checked.uploads(), errors);
            }
        }
        model.addAttribute("rating", new RatingForm(null, null));
        model.addAttribute("supplement", new SupplementForm(officerReason(history), requested, note, errors));
        return show(code, model);
    }

    /** A document of the dossier (the citizen's own or a result), streamed from the API with the user's token. */
    @GetMapping("/ho-so/{code}/tai-lieu/{id}")
    void download(@PathVariable String code, @PathVariable UUID id, HttpServletResponse response) {
        papers.document(code, id, response);
    }

    /** An official form of the dossier (Mẫu 01–06), as a PDF from dossier-service. */
    @GetMapping("/ho-so/{code}/mau/{form:0[1-6]}")
    void form(@PathVariable String code, @PathVariable String form, HttpServletResponse response) {
        papers.form(code, form, response);
    }

    private String show(String code, Model model) {
        MyDossiers.Dossier dossier = dossiers.find(code);
        model.addAttribute("forms", papers.forms(code));
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
        if ("AWAITING_PAYMENT".equals(dossier.status()) && dossier.payment() != null) {
            // the dossier holds the order's id; whether it can be paid now is payment-service's answer
            model.addAttribute("paymentOrder", order(dossier.payment().id()));
        }
        model.addAttribute(
                "receiptOf",
                !"AWAITING_PAYMENT".equals(dossier.status()) && dossier.payment() != null
                        ? dossier.payment().id()
                        : null);
        if ("AWAITING_SUPPLEMENT".equals(dossier.status()) && !model.containsAttribute("supplement")) {
            model.addAttribute(
                    "supplement", new SupplementForm(officerReason(history), requested(dossier), null, Map.of()));
        }
        return "dossier";
    }

    /** The order, or null when payment-service does not answer it now (the page still shows, without the button). */
    private Payments.Order order(UUID id) {
        try {
            return payments.find(id);
        } catch (ApiProblemException problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            return null;
        }
    }

    /** The documents the agency asked for, with the catalogue's names and allowed types, in the order asked. */
    private List<MyDossiers.Requirement> requested(MyDossiers.Dossier dossier) {
        List<String> missing = dossier.missingDocuments() == null ? List.of() : dossier.missingDocuments();
        if (missing.isEmpty()) {
            return List.of();
        }
        Map<String, MyDossiers.Requirement> known = new LinkedHashMap<>();
        dossiers.requirements(dossier.procedureCode()).forEach(r -> known.put(r.code(), r));
        return missing.stream()
                .map(c -> known.getOrDefault(c, new MyDossiers.Requirement(c, c, null, List.of())))
                .toList();
    }

    /** What the officer wrote when asking for the supplement (the newest request's reason). */
    private static String officerReason(List<MyDossiers.HistoryEntry> history) {
        String reason = null;
        for (MyDossiers.HistoryEntry h : history) {
            if ("request-supplement".equals(h.action())) {
                reason = h.reason();
            }
        }
        return reason;
    }

    /**
     * The API's refusal of a supplement onto the form: {@code documents[i].…} belongs to the i-th file sent,
     * {@code note} to the note; anything else (a missing document, a file too large) is one sentence at the top.
     */
    private void apiErrors(ApiProblemException problem, List<MyDossiers.Upload> sent, Map<String, String> errors) {
        for (ApiProblemException.FieldError e : problem.fieldErrors()) {
            Matcher document = DOCUMENT_FIELD.matcher(e.field());
            if (document.matches() && Integer.parseInt(document.group(1)) < sent.size()) {
                errors.putIfAbsent(sent.get(Integer.parseInt(document.group(1))).requirementCode(), e.message());
            } else if ("note".equals(e.field())) {
                errors.putIfAbsent("note", e.message());
            } else {
                errors.putIfAbsent(SupplementForm.GENERAL, e.message());
            }
        }
        if (errors.isEmpty()) {
            errors.put(SupplementForm.GENERAL, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
        }
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
