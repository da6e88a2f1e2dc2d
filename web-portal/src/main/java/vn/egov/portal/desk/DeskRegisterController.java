package vn.egov.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.Downloads;
import vn.egov.portal.api.UserApi;
import vn.egov.portal.signin.SignedInUser;

/**
 * Mẫu 07, the agency's register of dossiers (Sổ theo dõi hồ sơ), for a period the officer chooses: a GET form (so
 * that the printed register's address can be bookmarked), checked here sentence by sentence next to its field, then
 * dossier-service's PDF ({@code GET /api/v1/agencies/{agency}/register}) streamed with the officer's token. The API
 * decides who may print it (OFFICER, APPROVER, AGENCY_ADMIN of the agency); a refusal is the usual page.
 */
@Controller
class DeskRegisterController {

    static final String PATH = "/motcua/so-theo-doi";
    /** dossier-service's limit: a register covers at most 366 days (400 register-period-invalid past it). */
    static final int LONGEST_PERIOD_DAYS = 366;

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int DATE_LENGTH = 10;

    private final RestClient api;
    private final MessageSource messages;

    DeskRegisterController(@UserApi RestClient api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String register(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            HttpServletResponse browser) {
        SignedInUser user = SignedInUser.current();
        String agency = user == null ? null : user.agency();
        LocalDate today = LocalDate.now(VIETNAM);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        if (from == null && to == null) {
            values.put("from", today.withDayOfMonth(1).toString());
            values.put("to", today.toString());
            return page(agency, values, errors, model);
        }
        values.put("from", from == null ? "" : from.strip());
        values.put("to", to == null ? "" : to.strip());
        LocalDate start = date(values.get("from"), "from", errors);
        LocalDate end = date(values.get("to"), "to", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.put("to", say("desk.register.error.order"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_PERIOD_DAYS) {
                errors.put("to", say("desk.register.error.too-long", LONGEST_PERIOD_DAYS));
            }
        }
        if (agency == null) {
            errors.put("general", say("desk.register.no-agency"));
        }
        if (!errors.isEmpty()) {
            return page(agency, values, errors, model);
        }
        Integer refused = api.get()
                .uri("/api/v1/agencies/{agency}/register?from={from}&to={to}", agency, start, end)
                .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange(Downloads.toOrRefusal(browser), true);
        if (refused == null) {
            return null; // the PDF is written
        }
        if (refused == 422) {
            errors.put("to", say("desk.register.error.too-large"));
        } else if (refused == 400) {
            errors.put("to", say("desk.register.error.period"));
        } else {
            throw new ApiProblemException(refused, "register-refused", null);
        }
        return page(agency, values, errors, model);
    }

    private LocalDate date(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, say("desk.register.error.required"));
            return null;
        }
        if (value.length() > DATE_LENGTH) {
            errors.put(field, say("desk.register.error.date"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, say("desk.register.error.date"));
            return null;
        }
    }

    private String page(String agency, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(VIETNAM));
        model.addAttribute("longest", LONGEST_PERIOD_DAYS);
        return "desk/register";
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
