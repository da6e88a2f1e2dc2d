package vn.egov.portal.administration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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

/**
 * A system administrator's working-day calendar ({@code /motcua/lich-lam-viec}): a year's declared days (weekdays
 * off and make-up working Saturdays or Sundays, each with the document it follows), a form to declare one, a form
 * to withdraw one (the document that withdraws it is required), and the latest changes with who made them and
 * when. Only days after today can change; the API says so next to the date when one is not.
 */
@Controller
class CalendarAdminController {

    static final String ROLE = "SYSTEM_ADMIN";

    /** dossier-service's limit on a day's name and on its source. */
    static final int TEXT_LIMIT = 300;

    static final List<String> KINDS = List.of("HOLIDAY", "WORKDAY");

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AdministrationApi api;
    private final ProblemMessages problems;
    private final MessageSource messages;

    CalendarAdminController(AdministrationApi api, ProblemMessages problems, MessageSource messages) {
        this.api = api;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/motcua/lich-lam-viec")
    String page(@RequestParam(name = "nam", required = false) Integer year, Model model) {
        Administrators.require(ROLE);
        return show(year(year), Map.of(), Map.of(), model);
    }

    @PostMapping("/motcua/lich-lam-viec")
    String declare(@RequestParam Map<String, String> form, Model model, RedirectAttributes next) {
        Administrators.require(ROLE);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("day", "kind", "name", "source")) {
            values.put(field, Administrators.value(form, field));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(values.get("day"), errors);
        if (values.get("kind") == null || !KINDS.contains(values.get("kind"))) {
            errors.put("kind", say("admin.calendar.error.kind"));
        }
        text("name", values.get("name"), errors);
        text("source", values.get("source"), errors);
        if (errors.isEmpty()) {
            try {
                api.declare(day, values.get("kind"), values.get("name"), values.get("source"));
                next.addFlashAttribute("notice", say("admin.calendar.declared", shown(day)));
                return "redirect:/motcua/lich-lam-viec?nam=" + day.getYear();
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                // a rule about the date itself (not after today, the wrong weekday) is said next to the date
                String sentence = problems.sentence(problem.code(), LocaleContextHolder.getLocale());
                errors.putAll(
                        problem.code() != null
                                        && problem.code().startsWith("calendar-day-")
                                        && problem.fieldErrors().isEmpty()
                                ? Map.of("day", sentence)
                                : Administrators.errors(problem, Set.of("kind", "name", "source"), sentence));
            }
        }
        return show(day == null ? year(null) : day.getYear(), errors, values, model);
    }

    @PostMapping("/motcua/lich-lam-viec/{day}/huy")
    String withdraw(@PathVariable String day, @RequestParam(required = false) String source, RedirectAttributes next) {
        Administrators.require(ROLE);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(day, errors);
        String why = source == null || source.isBlank() ? null : source.strip();
        if (date == null) {
            next.addFlashAttribute("problem", errors.get("day"));
            return "redirect:/motcua/lich-lam-viec";
        }
        text("source", why, errors);
        if (errors.isEmpty()) {
            try {
                api.withdraw(date, why);
                next.addFlashAttribute("notice", say("admin.calendar.withdrawn", shown(date)));
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                next.addFlashAttribute("problem", problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
            }
        } else {
            next.addFlashAttribute("problem", say("admin.calendar.withdraw-source", shown(date)));
        }
        return "redirect:/motcua/lich-lam-viec?nam=" + date.getYear();
    }

    private String show(int year, Map<String, String> errors, Map<String, String> values, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("missingYears", api.coverage().missingYears());
        model.addAttribute("days", api.days(year));
        model.addAttribute("changes", api.changes(20));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("minDay", LocalDate.now(VIETNAM).plusDays(1));
        return "administration/calendar";
    }

    /** The year asked for, this year by default; the API answers 2000–2100 only. */
    private static int year(Integer asked) {
        int year = asked == null ? LocalDate.now(VIETNAM).getYear() : asked;
        return Math.max(2000, Math.min(2100, year));
    }

    private LocalDate date(String value, Map<String, String> errors) {
        if (value == null) {
            errors.put("day", say("admin.error.required"));
            return null;
        }
        try {
            if (value.length() > 10) {
                throw new DateTimeParseException("longer than yyyy-mm-dd", value, 10);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException unreadable) {
            errors.put("day", say("admin.error.date"));
            return null;
        }
    }

    private void text(String field, String value, Map<String, String> errors) {
        if (value == null) {
            errors.put(field, say("admin.error.required"));
        } else if (value.length() > TEXT_LIMIT) {
            errors.put(field, say("desk.error.too-long", TEXT_LIMIT));
        }
    }

    /** A date as the page writes it (dd/MM/yyyy in both languages, as the calendar's table). */
    private static String shown(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
