package vn.egov.portal.administration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.signin.SignedInUser;

/**
 * An agency administrator's officers ({@code /motcua/can-bo}): the agency's officers and approvers, a form to create
 * one with a temporary password (changed at the first sign-in) and disabling an account (confirmed; never one's
 * own, the API refuses it). The agency is always the administrator's own: identity-service takes it from the token.
 */
@Controller
class OfficersController {

    static final String ROLE = "AGENCY_ADMIN";

    /** identity-service's limits (its InputLimits and request annotations). */
    static final Map<String, Integer> LIMITS =
            Map.of("username", 50, "fullName", 150, "email", 254, "temporaryPassword", 128);

    static final List<String> ROLES = List.of("OFFICER", "APPROVER");

    static final int PAGE_SIZE = 50;

    private final AdministrationApi api;
    private final ProblemMessages problems;
    private final MessageSource messages;

    OfficersController(AdministrationApi api, ProblemMessages problems, MessageSource messages) {
        this.api = api;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/motcua/can-bo")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        Administrators.require(ROLE);
        return show(Math.max(0, Math.min(page, 10_000)), Map.of(), Map.of(), model);
    }

    @PostMapping("/motcua/can-bo")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes next) {
        Administrators.require(ROLE);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("username", "fullName", "email", "role")) {
            values.put(field, Administrators.value(form, field));
        }
        // the password as typed (spaces count), never sent back to the page
        String password = form.get("temporaryPassword");
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : List.of("username", "fullName", "email")) {
            check(field, values.get(field), errors);
        }
        if (values.get("role") == null || !ROLES.contains(values.get("role"))) {
            errors.put("role", say("admin.error.role"));
        }
        check("temporaryPassword", password == null || password.isEmpty() ? null : password, errors);
        if (errors.isEmpty()) {
            try {
                AdministrationApi.Officer created = api.create(new AdministrationApi.NewOfficer(
                        values.get("username"),
                        values.get("fullName"),
                        values.get("email"),
                        values.get("role"),
                        password));
                next.addFlashAttribute("notice", say("admin.officers.created", created.username()));
                return "redirect:/motcua/can-bo";
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                errors.putAll(Administrators.errors(
                        problem,
                        Set.of("username", "fullName", "email", "role", "temporaryPassword"),
                        problems.sentence(problem.code(), LocaleContextHolder.getLocale())));
            }
        }
        return show(0, errors, values, model);
    }

    @PostMapping("/motcua/can-bo/{id}/vo-hieu-hoa")
    String disable(
            @PathVariable String id,
            @RequestParam(required = false) String confirm,
            @RequestParam(required = false) String name,
            RedirectAttributes next) {
        Administrators.require(ROLE);
        String who = name == null || name.isBlank() ? id : name.strip();
        if (confirm == null) {
            next.addFlashAttribute("problem", say("admin.officers.confirm-needed", who));
            return "redirect:/motcua/can-bo";
        }
        try {
            api.disable(id);
            next.addFlashAttribute("notice", say("admin.officers.disabled-done", who));
        } catch (ApiProblemException problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            next.addFlashAttribute("problem", problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/motcua/can-bo";
    }

    private String show(int page, Map<String, String> errors, Map<String, String> values, Model model) {
        SignedInUser admin = SignedInUser.current();
        model.addAttribute("officers", api.officers(page, PAGE_SIZE));
        model.addAttribute("agency", admin == null ? null : admin.agency());
        model.addAttribute("self", admin == null ? null : admin.nationalId());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("roles", ROLES);
        return "administration/officers";
    }

    private void check(String field, String value, Map<String, String> errors) {
        if (value == null) {
            errors.put(field, say("admin.error.required"));
        } else if (value.length() > LIMITS.getOrDefault(field, 50)) {
            errors.put(field, say("desk.error.too-long", LIMITS.get(field)));
        }
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
