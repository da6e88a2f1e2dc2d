package vn.egov.portal.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.dossier.DossierPapers;
import vn.egov.portal.signin.SignedInUser;

/**
 * A dossier at the desk: applicant, form data, documents previewed inline, history, why this due date, and one form
 * per action the user's roles allow in its status ({@link DeskActions}). The page checks what it can (a required
 * reason, the confirmation of an irreversible action, a PDF for the result), then the API decides; its field errors
 * go next to the fields, anything else at the top of that action's form.
 */
@Controller
class DeskDossierController {

    /** The API's limit on a reason or a note (dossier-service's InputLimits). */
    static final int TEXT_LIMIT = 2000;

    /** The API's limit on a result file. */
    static final long RESULT_LIMIT = 10L * 1024 * 1024;

    /** The actions' text inputs, by their form name (the hand-over's are the API's {@code delivery.*}). */
    private static final List<String> FIELDS = List.of(
            "reason",
            "note",
            "newAppointmentDate",
            "targetAgencyCode",
            "collectedByName",
            "collectedByNationalId",
            "trackingNumber",
            "postedDate");

    /** The API's limits on the hand-over's inputs (dossier-service's {@code Delivery}). */
    static final int NAME_LIMIT = 200;

    static final int TRACKING_LIMIT = 64;

    private final DeskApi api;
    private final CounterPayments payments;
    private final DossierPapers papers;
    private final DeadlineColours colours;
    private final ProblemMessages problems;
    private final MessageSource messages;

    DeskDossierController(
            DeskApi api,
            CounterPayments payments,
            DossierPapers papers,
            DeadlineColours colours,
            ProblemMessages problems,
            MessageSource messages) {
        this.papers = papers;
        this.api = api;
        this.payments = payments;
        this.colours = colours;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/motcua/ho-so/{code}")
    String page(@PathVariable String code, Model model) {
        return show(code, model);
    }

    /** A document in the page (inline for PDF and images) or, with {@code ?tai-ve}, saved. */
    @GetMapping("/motcua/ho-so/{code}/tai-lieu/{id}")
    void document(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestParam(name = "tai-ve", required = false) String download,
            HttpServletResponse response) {
        papers.document(code, id, download == null ? new InlinePreview(response) : response);
    }

    /** An official form (Mẫu 01–06) to print or hand over: opened in the browser's PDF viewer. */
    @GetMapping("/motcua/ho-so/{code}/mau/{form:0[1-6]}")
    void form(@PathVariable String code, @PathVariable String form, HttpServletResponse response) {
        papers.form(code, form, response);
    }

    @PostMapping("/motcua/ho-so/{code}/xu-ly/{action}")
    String act(
            @PathVariable String code,
            @PathVariable String action,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "missingDocuments", required = false) List<String> missing,
            @RequestParam(name = "result", required = false) MultipartFile result,
            Model model,
            RedirectAttributes next) {
        DeskActions.Action known = DeskActions.ALL.get(action);
        DeskApi.Dossier dossier = api.find(code);
        if (known == null || !known.allowed(dossier.status(), roles())) {
            next.addFlashAttribute(
                    "problem", problems.sentence("dossier-transition-not-allowed", LocaleContextHolder.getLocale()));
            return redirectTo(code);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.get(field);
            values.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        List<String> chosen = missing == null
                ? List.of()
                : missing.stream().filter(m -> !m.isBlank()).toList();
        Map<String, String> errors = check(known, values, chosen, form.get("confirm"), result);
        if (errors.isEmpty()) {
            try {
                DeskApi.ActionRequest request = new DeskApi.ActionRequest(
                        known.has("REASON") || known.has("REASON_REQUIRED") ? values.get("reason") : null,
                        known.has("NOTE") ? values.get("note") : null,
                        known.has("NEW_APPOINTMENT_DATE") ? LocalDate.parse(values.get("newAppointmentDate")) : null,
                        known.has("TARGET_AGENCY") ? values.get("targetAgencyCode") : null,
                        known.has("MISSING_DOCUMENTS") ? chosen : null,
                        known.delivery() == null
                                ? null
                                : new DeskApi.Delivery(
                                        known.delivery(),
                                        known.has("COLLECTOR_NAME") ? values.get("collectedByName") : null,
                                        known.has("COLLECTOR_ID") ? values.get("collectedByNationalId") : null,
                                        known.has("TRACKING_NUMBER") ? values.get("trackingNumber") : null,
                                        known.has("POSTED_DATE") ? LocalDate.parse(values.get("postedDate")) : null));
                if (known.has("RESULT_FILE")) {
                    api.actWithResult(
                            code,
                            known.api(),
                            request,
                            new DeskApi.ResultFile(result.getOriginalFilename(), "application/pdf", result.getBytes()));
                } else {
                    api.act(code, known.api(), request);
                }
                next.addFlashAttribute("notice", "desk.done." + action);
                // after a transfer the dossier is the other agency's: this desk no longer sees it
                return "transfer".equals(action) ? "redirect:/motcua" : redirectTo(code);
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() == 404 || problem.status() >= 500) {
                    throw problem;
                }
                apiErrors(problem, errors);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        model.addAttribute("failed", new ActionFailure(action, errors, values, chosen));
        return show(code, model);
    }

    /**
     * The fee taken at the counter (cash or card): payment-service records it with the form's Idempotency-Key (one per
     * form shown, so a double click is one payment) and answers the receipt number, shown in the flash.
     */
    @PostMapping("/motcua/ho-so/{code}/thu-phi")
    String counterFee(
            @PathVariable String code,
            @RequestParam(name = "method", required = false) String method,
            @RequestParam(name = "payerName", required = false) String payerName,
            @RequestParam(name = "key", required = false) String key,
            Model model,
            RedirectAttributes next) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("method", method == null || method.isBlank() ? null : method.strip());
        values.put("payerName", payerName == null || payerName.isBlank() ? null : payerName.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"CASH".equals(values.get("method")) && !"CARD".equals(values.get("method"))) {
            errors.put("method", say("desk.error.fee-method"));
        }
        if (values.get("payerName") != null && values.get("payerName").length() > CounterPayments.PAYER_LIMIT) {
            errors.put("payerName", say("desk.error.too-long", CounterPayments.PAYER_LIMIT));
        }
        String idempotencyKey = validKey(key);
        if (errors.isEmpty()) {
            try {
                CounterPayments.CounterPayment paid =
                        payments.pay(code, values.get("method"), values.get("payerName"), idempotencyKey);
                next.addFlashAttribute("notice", "desk.done.counter-fee");
                next.addFlashAttribute("receipt", paid);
                return redirectTo(code);
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                if (problem.status() == 409) {
                    errors.put(ActionFailure.GENERAL, say("desk.error.fee-paid"));
                } else {
                    for (ApiProblemException.FieldError e : problem.fieldErrors()) {
                        String field = "payerName".equals(e.field()) || "method".equals(e.field())
                                ? e.field()
                                : ActionFailure.GENERAL;
                        errors.putIfAbsent(field, e.message());
                    }
                    errors.putIfAbsent(
                            ActionFailure.GENERAL, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
                }
            }
        }
        model.addAttribute("failed", new ActionFailure("counter-fee", errors, values, List.of()));
        // the same key again: a retry after a refusal must not record a second payment
        model.addAttribute("feeKey", idempotencyKey);
        return show(code, model);
    }

    /** The form's key if it is one we made (a UUID), else a new one. */
    private static String validKey(String key) {
        try {
            return UUID.fromString(key == null ? "" : key).toString();
        } catch (IllegalArgumentException notOurs) {
            return UUID.randomUUID().toString();
        }
    }

    private Map<String, String> check(
            DeskActions.Action action,
            Map<String, String> values,
            List<String> missing,
            String confirm,
            MultipartFile result) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (action.has("REASON_REQUIRED") && values.get("reason") == null) {
            errors.put("reason", say("desk.error.reason"));
        }
        for (String field : List.of("reason", "note")) {
            if (values.get(field) != null && values.get(field).length() > TEXT_LIMIT) {
                errors.put(field, say("desk.error.too-long", TEXT_LIMIT));
            }
        }
        if (action.has("NEW_APPOINTMENT_DATE")) {
            try {
                LocalDate date = LocalDate.parse(values.getOrDefault("newAppointmentDate", ""));
                if (!date.isAfter(colours.today())) {
                    errors.put("newAppointmentDate", say("desk.error.date-future"));
                }
            } catch (DateTimeParseException | NullPointerException none) {
                errors.put("newAppointmentDate", say("desk.error.date"));
            }
        }
        if (action.has("TARGET_AGENCY") && values.get("targetAgencyCode") == null) {
            errors.put("targetAgencyCode", say("desk.error.agency"));
        }
        if (action.has("COLLECTOR_NAME")) {
            required(values, "collectedByName", NAME_LIMIT, "desk.error.collector", errors);
        }
        if (action.has("COLLECTOR_ID")) {
            String id = values.get("collectedByNationalId");
            if (id == null) {
                errors.put("collectedByNationalId", say("desk.error.collector-id"));
            } else if (!id.matches("\\d{12}")) {
                errors.put("collectedByNationalId", say("desk.error.national-id"));
            }
        }
        if (action.has("TRACKING_NUMBER")) {
            required(values, "trackingNumber", TRACKING_LIMIT, "desk.error.tracking", errors);
        }
        if (action.has("POSTED_DATE")) {
            try {
                LocalDate date = LocalDate.parse(values.getOrDefault("postedDate", ""));
                if (date.isAfter(colours.today())) {
                    errors.put("postedDate", say("desk.error.posted-future"));
                }
            } catch (DateTimeParseException | NullPointerException none) {
                errors.put("postedDate", say("desk.error.posted"));
            }
        }
        if (action.has("MISSING_DOCUMENTS") && missing.isEmpty()) {
            errors.put("missingDocuments", say("desk.error.missing"));
        }
        if (action.has("RESULT_FILE")) {
            String fileError = resultError(result);
            if (fileError != null) {
                errors.put("result", fileError);
            }
        }
        if (action.irreversible() && confirm == null) {
            errors.put("confirm", say("desk.error.confirm"));
        }
        return errors;
    }

    private void required(
            Map<String, String> values, String field, int limit, String missingKey, Map<String, String> errors) {
        String value = values.get(field);
        if (value == null) {
            errors.put(field, say(missingKey));
        } else if (value.length() > limit) {
            errors.put(field, say("desk.error.too-long", limit));
        }
    }

    /** The decision document: present, at most the API's 10 MB, and a PDF by its first bytes (not its name). */
    private String resultError(MultipartFile result) {
        if (result == null || result.isEmpty()) {
            return say("desk.error.result");
        }
        if (result.getSize() > RESULT_LIMIT) {
            return say("desk.error.result-size", 10);
        }
        try (var in = result.getInputStream()) {
            byte[] head = in.readNBytes(5);
            if (!Arrays.equals(head, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return say("desk.error.result-type");
            }
        } catch (IOException unreadable) {
            return say("desk.error.result");
        }
        return null;
    }

    /** The API's problem on the form: {@code missingDocuments[i]} on the list, others on their field or on top. */
    private void apiErrors(ApiProblemException problem, Map<String, String> errors) {
        Set<String> fields = new java.util.HashSet<>(FIELDS);
        fields.addAll(List.of("missingDocuments", "result"));
        for (ApiProblemException.FieldError e : problem.fieldErrors()) {
            // delivery.collectedByName → the form's collectedByName; missingDocuments[2] → the list
            String field = e.field() == null
                    ? ""
                    : e.field().replaceFirst("^delivery\\.", "").replaceFirst("\\[.*$", "");
            errors.putIfAbsent(fields.contains(field) ? field : ActionFailure.GENERAL, e.message());
        }
        if (errors.isEmpty()) {
            errors.put(ActionFailure.GENERAL, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
        }
    }

    private String show(String code, Model model) {
        DeskApi.Dossier dossier = api.find(code);
        DeskApi.Procedure procedure = api.procedure(dossier.procedureCode());
        Map<String, DeskApi.Requirement> requirements = new LinkedHashMap<>();
        procedure.documents().forEach(r -> requirements.put(r.code(), r));
        // the applicant (fields filled from their identity), then the rest of the form, then what the catalogue
        // no longer lists (kept under the field's own name)
        Map<String, Object> data = dossier.formData() == null ? Map.of() : dossier.formData();
        List<Row> applicant = new java.util.ArrayList<>();
        List<Row> answers = new java.util.ArrayList<>();
        for (DeskApi.Field f : procedure.fields()) {
            if (data.containsKey(f.name())) {
                (f.prefill() != null ? applicant : answers)
                        .add(new Row(f.label(), f.labelEn(), String.valueOf(data.get(f.name()))));
            }
        }
        data.forEach((name, value) -> {
            if (procedure.fields().stream().noneMatch(f -> f.name().equals(name))) {
                answers.add(new Row(name, null, String.valueOf(value)));
            }
        });
        model.addAttribute("applicant", applicant);
        model.addAttribute("answers", answers);
        model.addAttribute("dossier", dossier);
        model.addAttribute("forms", papers.forms(code));
        model.addAttribute("procedure", procedure);
        model.addAttribute("requirements", requirements);
        model.addAttribute("history", api.history(code));
        model.addAttribute("deadline", api.deadline(code));
        DeadlineColours.Urgency urgency = colours.of(dossier.dueDate(), null, dossier.status());
        // the API says overdue by the minute (past the due time), before the due day is over
        model.addAttribute(
                "urgency",
                dossier.overdue() && urgency != DeadlineColours.Urgency.NONE
                        ? DeadlineColours.Urgency.OVERDUE
                        : urgency);
        // a service centre's staff follow what their centre received for another agency; that agency acts on it. An
        // online dossier a centre receives for the agency waits for the centre (decision 61): the agency follows it.
        boolean handledHere = handledHere(dossier);
        model.addAttribute(
                "receivedForOthers", !handledHere && !dossier.actingAgency().equals(dossier.receivingAgencyCode()));
        model.addAttribute(
                "awaitsCentre", !handledHere && dossier.actingAgency().equals(dossier.receivingAgencyCode()));
        model.addAttribute(
                "actions",
                handledHere
                        ? DeskActions.allowed(dossier.status(), roles()).stream()
                                // an apology comes before the due time (issue 14): an overdue dossier is resolved late
                                .filter(a -> !(dossier.overdue() && a.name().equals("extend-deadline")))
                                .toList()
                        : List.of());
        model.addAttribute("minAppointment", colours.today().plusDays(1));
        model.addAttribute("today", colours.today());
        boolean fee = handledHere && dossier.awaitsCounterFee() && roles().contains("OFFICER");
        model.addAttribute("counterFee", fee);
        if (fee && !model.containsAttribute("feeKey")) {
            // one Idempotency-Key per form shown: a double click records one payment
            model.addAttribute("feeKey", UUID.randomUUID().toString());
        }
        return "desk/dossier";
    }

    /** A line of the applicant's or the form's data: the catalogue's label and the value as sent. */
    record Row(String label, String labelEn, String value) {}

    /**
     * The signed-in officer's agency acts on the dossier now: it handles it, or it is the service centre that receives
     * it online for its agency and it waits to be received (decision 61); a centre that only received it (decision
     * 57), or an agency whose online dossier a centre receives, follows it.
     */
    private static boolean handledHere(DeskApi.Dossier dossier) {
        SignedInUser user = SignedInUser.current();
        return user == null || user.agency() == null || user.agency().equals(dossier.actingAgency());
    }

    private static Set<String> roles() {
        SignedInUser user = SignedInUser.current();
        return user == null ? Set.of() : user.roles();
    }

    private static String redirectTo(String code) {
        return "redirect:/motcua/ho-so/" + UriUtils.encodePathSegment(code, "UTF-8");
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
