package vn.egov.portal.administration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.signin.SignedInUser;

/**
 * An agency administrator's page about the agency itself ({@code /motcua/co-quan}, decision 60): the working hours
 * published at its one-stop desk, in which limits in hours and half-days are counted, and the series its e-receipts
 * are numbered under, each with a form naming the document it follows. The registry (identity-service) keeps them,
 * records who changed them, and the deadlines and receipts follow from the next dossier and payment.
 */
@Controller
class AgencyAdminController {

    static final String ROLE = "AGENCY_ADMIN";

    /** identity-service's limits (AgencyController). */
    static final Map<String, Integer> LIMITS = Map.of("periods", 100, "series", 32, "source", 300);

    private final AdministrationApi api;
    private final ProblemMessages problems;
    private final MessageSource messages;

    AgencyAdminController(AdministrationApi api, ProblemMessages problems, MessageSource messages) {
        this.api = api;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/motcua/co-quan")
    String page(Model model) {
        return show(agencyOf(Administrators.require(ROLE)), "", Map.of(), Map.of(), model);
    }

    @PostMapping("/motcua/co-quan/gio-lam-viec")
    String workingHours(@RequestParam Map<String, String> form, Model model, RedirectAttributes next) {
        String agency = agencyOf(Administrators.require(ROLE));
        Map<String, String> values = values(form, "periods", "source");
        Map<String, String> errors = check(values);
        if (errors.isEmpty()) {
            try {
                api.setWorkingHours(agency, values.get("periods"), values.get("source"));
                next.addFlashAttribute("notice", say("admin.agency.hours.saved"));
                return "redirect:/motcua/co-quan";
            } catch (ApiProblemException problem) {
                errors.putAll(refused(problem, Set.of("periods", "source")));
            }
        }
        return show(agency, "hours", errors, values, model);
    }

    @PostMapping("/motcua/co-quan/ky-hieu-bien-lai")
    String receiptSeries(@RequestParam Map<String, String> form, Model model, RedirectAttributes next) {
        String agency = agencyOf(Administrators.require(ROLE));
        Map<String, String> values = values(form, "series", "source");
        Map<String, String> errors = check(values);
        if (errors.isEmpty()) {
            try {
                api.setReceiptSeries(agency, values.get("series"), values.get("source"));
                next.addFlashAttribute("notice", say("admin.agency.series.saved", values.get("series")));
                return "redirect:/motcua/co-quan";
            } catch (ApiProblemException problem) {
                errors.putAll(refused(problem, Set.of("series", "source")));
            }
        }
        return show(agency, "series", errors, values, model);
    }

    /** {@code form}: which form the errors and values belong to ("hours", "series"), "" for none. */
    private String show(
            String agency, String form, Map<String, String> errors, Map<String, String> values, Model model) {
        model.addAttribute("agency", api.agency(agency));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "administration/agency";
    }

    private static String agencyOf(SignedInUser admin) {
        if (admin.agency() == null || admin.agency().isBlank()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return admin.agency();
    }

    private static Map<String, String> values(Map<String, String> form, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            values.put(field, Administrators.value(form, field));
        }
        return values;
    }

    private Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : values.entrySet()) {
            if (field.getValue() == null) {
                errors.put(field.getKey(), say("admin.error.required"));
            } else if (field.getValue().length() > LIMITS.get(field.getKey())) {
                errors.put(field.getKey(), say("desk.error.too-long", LIMITS.get(field.getKey())));
            }
        }
        return errors;
    }

    private Map<String, String> refused(ApiProblemException problem, Set<String> fields) {
        if (problem.status() == 401 || problem.status() >= 500) {
            throw problem;
        }
        return Administrators.errors(
                problem, fields, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
