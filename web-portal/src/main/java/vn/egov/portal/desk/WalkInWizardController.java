package vn.egov.portal.desk;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.signin.SignedInUser;

/**
 * The walk-in intake wizard at the counter (decision 35): the applicant as on their id card, the procedure (the
 * officer's agency's), the form and the scans (each marked original or copy) — posting that step is the intake
 * itself, received at once — then the fee taken at the counter when there is one, and the page with the code, the
 * appointment and Mẫu 01. An incomplete dossier takes the other branch from step 3: the guidance (Mẫu 02), GUIDED.
 * Server-rendered steps, no script; the draft in the session ({@link WalkInDrafts}); the draft's id is the
 * Idempotency-Key of the intake and of the payment, and a step posted again after the API answered shows that answer.
 */
@Controller
class WalkInWizardController {

    static final String BASE = "/motcua/tiep-nhan";

    /** dossier-service's limits on a scan (DOSSIER_MAX_FILE_SIZE) and on a reason or note. */
    static final long SCAN_LIMIT = 10L * 1024 * 1024;

    static final int TEXT_LIMIT = 2000;

    private static final List<String> APPLICANT = List.of("nationalId", "fullName", "dateOfBirth", "phone", "email");

    private final WalkInDrafts drafts;
    private final CounterIntake counter;
    private final CounterPayments payments;
    private final DeskApi desk;
    private final DeadlineColours colours;
    private final ProblemMessages problems;
    private final MessageSource messages;

    WalkInWizardController(
            WalkInDrafts drafts,
            CounterIntake counter,
            CounterPayments payments,
            DeskApi desk,
            DeadlineColours colours,
            ProblemMessages problems,
            MessageSource messages) {
        this.drafts = drafts;
        this.counter = counter;
        this.payments = payments;
        this.desk = desk;
        this.colours = colours;
        this.problems = problems;
        this.messages = messages;
    }

    /** A new intake: a new draft, so a new Idempotency-Key (a new dossier is what the officer asked for). */
    @GetMapping(BASE)
    String start(HttpSession session) {
        return redirect(drafts.start(session), "nguoi-nop");
    }

    // 1. the applicant

    @GetMapping(BASE + "/{id}/nguoi-nop")
    String applicant(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<WalkInDraft> draft = drafts.find(session, id);
        if (draft.isEmpty()) {
            return "redirect:" + BASE;
        }
        if (draft.get().outcome() != null) {
            return redirect(draft.get(), "da-xong");
        }
        return applicantPage(draft.get(), Map.copyOf(draft.get().applicant()), Map.of(), model);
    }

    @PostMapping(BASE + "/{id}/nguoi-nop")
    String saveApplicant(
            @PathVariable UUID id, @RequestParam Map<String, String> form, HttpSession session, Model model) {
        Optional<WalkInDraft> found = drafts.find(session, id);
        if (found.isEmpty()) {
            return "redirect:" + BASE;
        }
        WalkInDraft draft = found.get();
        if (draft.outcome() != null) {
            return redirect(draft, "da-xong");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : APPLICANT) {
            String value = form.get(field);
            values.put(field, value == null || value.isBlank() ? null : value.strip());
        }
        Map<String, String> errors = checkApplicant(values);
        if (!errors.isEmpty()) {
            return applicantPage(draft, values, errors, model);
        }
        draft.applicant().clear();
        values.forEach((k, v) -> {
            if (v != null) {
                draft.applicant().put(k, v);
            }
        });
        drafts.save(session, draft);
        return redirect(draft, "thu-tuc");
    }

    private Map<String, String> checkApplicant(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = values.get("nationalId");
        if (id == null || !id.matches("\\d{12}")) {
            errors.put("nationalId", say("desk.walkin.error.national-id"));
        }
        String name = values.get("fullName");
        if (name == null) {
            errors.put("fullName", say("desk.walkin.error.name"));
        } else if (name.length() > 200) {
            errors.put("fullName", say("desk.error.too-long", 200));
        }
        try {
            LocalDate born = LocalDate.parse(values.getOrDefault("dateOfBirth", ""));
            if (!born.isBefore(colours.today()) || born.getYear() < 1900) {
                errors.put("dateOfBirth", say("desk.walkin.error.birth"));
            }
        } catch (DateTimeParseException | NullPointerException none) {
            errors.put("dateOfBirth", say("desk.walkin.error.birth"));
        }
        String phone = values.get("phone");
        if (phone != null && !phone.matches("\\+?\\d{9,15}")) {
            errors.put("phone", say("desk.walkin.error.phone"));
        }
        String email = values.get("email");
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", say("desk.walkin.error.email"));
        }
        return errors;
    }

    private String applicantPage(
            WalkInDraft draft, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        return page(draft, 1, errors, model, "desk/walk-in/applicant");
    }

    // 2. the procedure

    @GetMapping(BASE + "/{id}/thu-tuc")
    String procedure(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<WalkInDraft> draft = drafts.find(session, id);
        if (draft.isEmpty()) {
            return "redirect:" + BASE;
        }
        if (draft.get().outcome() != null) {
            return redirect(draft.get(), "da-xong");
        }
        if (!draft.get().hasApplicant()) {
            return redirect(draft.get(), "nguoi-nop");
        }
        return procedurePage(draft.get(), Map.of(), model);
    }

    @PostMapping(BASE + "/{id}/thu-tuc")
    String chooseProcedure(
            @PathVariable UUID id,
            @RequestParam(name = "procedureCode", required = false) String code,
            @RequestParam(name = "channel", required = false) String channel,
            @RequestParam(name = "caseCode", required = false) String caseCode,
            HttpSession session,
            Model model) {
        Optional<WalkInDraft> found = drafts.find(session, id);
        if (found.isEmpty()) {
            return "redirect:" + BASE;
        }
        WalkInDraft draft = found.get();
        if (draft.outcome() != null) {
            return redirect(draft, "da-xong");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String procedureCode = code;
        String handledBy = null;
        if (desk.serviceCentre(agency())) {
            // a service centre receives for the agency of its province that handles it: "code@agency" (decision 57)
            DeskApi.Offered chosen = desk.provinceOfferings(agency()).stream()
                    .filter(o -> o.value().equals(code))
                    .findFirst()
                    .orElse(null);
            procedureCode = chosen == null ? null : chosen.code();
            handledBy = chosen == null ? null : chosen.agencyCode();
        } else if (code != null
                && desk.agencyProcedures(agency()).stream()
                        .noneMatch(p -> p.code().equals(code))) {
            procedureCode = null;
        }
        if (procedureCode == null) {
            errors.put("procedureCode", say("desk.walkin.error.procedure"));
        }
        // by post or in person: the procedure's fee and time limit may differ (decision 56)
        String how = channel == null || channel.isBlank() ? "DIRECT" : channel;
        if (!how.equals("DIRECT") && !how.equals("POSTAL")) {
            errors.put("channel", say("desk.walkin.error.channel"));
        }
        // a procedure with cases (decision 58): the applicant's case decides the papers; asked on this page
        CounterIntake.Procedure chosen = procedureCode == null ? null : counter.procedure(procedureCode);
        String inCase =
                chosen == null || caseCode == null || chosen.caseOf(caseCode.strip()) == null ? null : caseCode.strip();
        if (chosen != null && !chosen.cases().isEmpty() && inCase == null) {
            errors.put("caseCode", say("desk.walkin.error.case"));
            model.addAttribute("cases", chosen.cases());
        }
        if (!errors.isEmpty()) {
            // what was chosen stays chosen on the page (the draft keeps it only once everything holds)
            model.addAttribute("chosenProcedure", procedureCode);
            model.addAttribute("chosenAgency", handledBy);
            return procedurePage(draft, errors, model);
        }
        draft.procedureCode(procedureCode);
        draft.agencyCode(handledBy);
        draft.channel(how);
        draft.caseCode(inCase);
        drafts.save(session, draft);
        return redirect(draft, "ho-so");
    }

    private String procedurePage(WalkInDraft draft, Map<String, String> errors, Model model) {
        if (desk.serviceCentre(agency())) {
            model.addAttribute("offerings", desk.provinceOfferings(agency()));
            model.addAttribute("procedures", List.of());
        } else {
            model.addAttribute("procedures", desk.agencyProcedures(agency()));
        }
        return page(draft, 2, errors, model, "desk/walk-in/procedure");
    }

    // 3. the form and the scans: posting them is the intake

    @GetMapping(BASE + "/{id}/ho-so")
    String scans(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<WalkInDraft> draft = drafts.find(session, id);
        if (draft.isEmpty()) {
            return "redirect:" + BASE;
        }
        String elsewhere = before(draft.get(), 3);
        if (elsewhere != null) {
            return elsewhere;
        }
        return scansPage(
                draft.get(),
                counter.procedure(draft.get().procedureCode())
                        .inCase(draft.get().caseCode()),
                Map.of(),
                Map.of(),
                model);
    }

    @PostMapping(BASE + "/{id}/ho-so")
    String receive(@PathVariable UUID id, MultipartHttpServletRequest request, HttpSession session, Model model) {
        Optional<WalkInDraft> found = drafts.find(session, id);
        if (found.isEmpty()) {
            return "redirect:" + BASE;
        }
        WalkInDraft draft = found.get();
        // posted again (a double click, a reload, the back button): the API already answered; show that answer
        String elsewhere = before(draft, 3);
        if (elsewhere != null) {
            return elsewhere;
        }
        CounterIntake.Procedure procedure =
                counter.procedure(draft.procedureCode()).inCase(draft.caseCode());
        Map<String, String> errors = new LinkedHashMap<>();
        draft.formData().clear();
        for (CounterIntake.Field field : procedure.fields()) {
            String value = request.getParameter("form." + field.name());
            value = value == null || value.isBlank() ? null : value.strip();
            if ("BOOLEAN".equals(field.type())) {
                value = value == null ? null : "true";
            }
            if (value != null) {
                draft.formData().put(field.name(), value);
            }
            if (value == null && field.required()) {
                errors.put("form." + field.name(), say("desk.walkin.error.field"));
            } else if (value != null && value.length() > field.limit()) {
                errors.put("form." + field.name(), say("desk.error.too-long", field.limit()));
            }
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        List<CounterIntake.Scan> scans = new ArrayList<>();
        MultiValueMap<String, MultipartFile> files = request.getMultiFileMap();
        for (CounterIntake.Requirement r : procedure.documents()) {
            String kind = request.getParameter("kind." + r.code());
            if (kind != null) {
                kinds.put(r.code(), kind);
            }
            MultipartFile file = files.getFirst("file." + r.code());
            boolean given = file != null && !file.isEmpty();
            if (!given) {
                if (r.mandatory()) {
                    errors.put("doc." + r.code(), say("desk.walkin.error.file"));
                }
                continue;
            }
            String type = typeOf(file);
            if (file.getSize() > SCAN_LIMIT) {
                errors.put("doc." + r.code(), say("desk.walkin.error.file-size", SCAN_LIMIT / 1024 / 1024));
            } else if (type == null
                    || !r.allowedTypes().isEmpty() && !r.allowedTypes().contains(type)) {
                errors.put("doc." + r.code(), say("desk.walkin.error.file-type"));
            } else if (!"ORIGINAL".equals(kind) && !"COPY".equals(kind)) {
                errors.put("doc." + r.code(), say("desk.walkin.error.kind"));
            } else {
                scans.add(new CounterIntake.Scan(r.code(), fileName(file, r.code()), type, bytes(file), kind));
            }
        }
        drafts.save(session, draft);
        if (errors.isEmpty()) {
            try {
                draft.outcome(counter.intake(draft, scans).outcome());
                drafts.save(session, draft);
                return redirect(draft, "le-phi");
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                for (ApiProblemException.FieldError e : problem.fieldErrors()) {
                    errors.putIfAbsent(scanField(e.field(), scans), e.message());
                }
                if (errors.keySet().stream().anyMatch(k -> k.startsWith("applicant."))) {
                    // the API found the applicant wrong (e.g. the number does not fit the date of birth): step 1
                    Map<String, String> applicantErrors = new LinkedHashMap<>();
                    errors.forEach((k, v) -> {
                        if (k.startsWith("applicant.")) {
                            applicantErrors.put(k.substring("applicant.".length()), v);
                        }
                    });
                    return applicantPage(draft, Map.copyOf(draft.applicant()), applicantErrors, model);
                }
                if (errors.isEmpty()) {
                    errors.put(
                            ActionFailure.GENERAL, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
                }
            }
        }
        return scansPage(draft, procedure, kinds, errors, model);
    }

    /** The API's field onto the page's: formData.x → form.x, documents[i]… → that scan's requirement, applicant.x. */
    private static String scanField(String field, List<CounterIntake.Scan> scans) {
        if (field == null) {
            return ActionFailure.GENERAL;
        }
        if (field.startsWith("formData.")) {
            return "form." + field.substring("formData.".length());
        }
        if (field.startsWith("applicant.")) {
            return field;
        }
        var index = java.util.regex.Pattern.compile("^documents\\[(\\d+)]").matcher(field);
        if (index.find()) {
            int i = Integer.parseInt(index.group(1));
            return i < scans.size() ? "doc." + scans.get(i).requirementCode() : ActionFailure.GENERAL;
        }
        return ActionFailure.GENERAL;
    }

    private String scansPage(
            WalkInDraft draft,
            CounterIntake.Procedure procedure,
            Map<String, String> kinds,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("procedure", procedure);
        model.addAttribute("chosenCase", procedure.caseOf(draft.caseCode()));
        model.addAttribute("kinds", kinds);
        model.addAttribute("maxScan", SCAN_LIMIT / 1024 / 1024);
        return page(draft, 3, errors, model, "desk/walk-in/scans");
    }

    // 3b. incomplete at the counter: the guidance (Mẫu 02), nothing received

    @GetMapping(BASE + "/{id}/huong-dan")
    String guidance(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<WalkInDraft> draft = drafts.find(session, id);
        if (draft.isEmpty()) {
            return "redirect:" + BASE;
        }
        String elsewhere = before(draft.get(), 3);
        if (elsewhere != null) {
            return elsewhere;
        }
        return guidancePage(draft.get(), List.of(), Map.of(), Map.of(), model);
    }

    @PostMapping(BASE + "/{id}/huong-dan")
    String guide(
            @PathVariable UUID id,
            @RequestParam(name = "missingDocuments", required = false) List<String> missing,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "note", required = false) String note,
            HttpSession session,
            Model model) {
        Optional<WalkInDraft> found = drafts.find(session, id);
        if (found.isEmpty()) {
            return "redirect:" + BASE;
        }
        WalkInDraft draft = found.get();
        String elsewhere = before(draft, 3);
        if (elsewhere != null) {
            return elsewhere;
        }
        List<String> chosen = missing == null
                ? List.of()
                : missing.stream().filter(m -> !m.isBlank()).distinct().toList();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reason", reason == null || reason.isBlank() ? null : reason.strip());
        values.put("note", note == null || note.isBlank() ? null : note.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (chosen.isEmpty()) {
            errors.put("missingDocuments", say("desk.error.missing"));
        }
        if (values.get("reason") == null) {
            errors.put("reason", say("desk.error.reason"));
        }
        for (String field : List.of("reason", "note")) {
            if (values.get(field) != null && values.get(field).length() > TEXT_LIMIT) {
                errors.put(field, say("desk.error.too-long", TEXT_LIMIT));
            }
        }
        if (errors.isEmpty()) {
            try {
                draft.outcome(counter.guidance(draft, chosen, values.get("reason"), values.get("note"))
                        .outcome());
                drafts.save(session, draft);
                return redirect(draft, "da-xong");
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                for (ApiProblemException.FieldError e : problem.fieldErrors()) {
                    String field = e.field() == null ? "" : e.field().replaceFirst("\\[.*$", "");
                    errors.putIfAbsent(
                            List.of("reason", "note", "missingDocuments").contains(field)
                                    ? field
                                    : ActionFailure.GENERAL,
                            e.message());
                }
                if (errors.isEmpty()) {
                    errors.put(
                            ActionFailure.GENERAL, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
                }
            }
        }
        return guidancePage(draft, chosen, values, errors, model);
    }

    private String guidancePage(
            WalkInDraft draft,
            List<String> chosen,
            Map<String, String> values,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("procedure", counter.procedure(draft.procedureCode()).inCase(draft.caseCode()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("values", values);
        return page(draft, 3, errors, model, "desk/walk-in/guidance");
    }

    // 4. the fee, taken at the counter when the procedure has one

    @GetMapping(BASE + "/{id}/le-phi")
    String fee(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<WalkInDraft> draft = drafts.find(session, id);
        if (draft.isEmpty()) {
            return "redirect:" + BASE;
        }
        String elsewhere = after(draft.get());
        if (elsewhere != null) {
            return elsewhere;
        }
        return feePage(draft.get(), Map.of(), Map.of(), model);
    }

    @PostMapping(BASE + "/{id}/le-phi")
    String pay(
            @PathVariable UUID id,
            @RequestParam(name = "method", required = false) String method,
            @RequestParam(name = "payerName", required = false) String payerName,
            HttpSession session,
            Model model) {
        Optional<WalkInDraft> found = drafts.find(session, id);
        if (found.isEmpty()) {
            return "redirect:" + BASE;
        }
        WalkInDraft draft = found.get();
        String elsewhere = after(draft);
        if (elsewhere != null) {
            return elsewhere;
        }
        if (draft.paid() != null || draft.outcome().feeVnd() <= 0) {
            return redirect(draft, "da-xong");
        }
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
        if (errors.isEmpty()) {
            try {
                // the wizard's id again: a second click records one payment
                CounterPayments.CounterPayment paid = payments.pay(
                        draft.outcome().code(),
                        values.get("method"),
                        values.get("payerName"),
                        draft.id().toString());
                draft.paid(new WalkInDraft.Paid(paid.id(), paid.amount(), paid.method(), paid.receiptNumber()));
                drafts.save(session, draft);
                return redirect(draft, "da-xong");
            } catch (ApiProblemException problem) {
                if (problem.status() == 401 || problem.status() >= 500) {
                    throw problem;
                }
                if (problem.status() == 409) {
                    errors.put(ActionFailure.GENERAL, say("desk.error.fee-paid"));
                } else {
                    for (ApiProblemException.FieldError e : problem.fieldErrors()) {
                        errors.putIfAbsent(
                                "payerName".equals(e.field()) || "method".equals(e.field())
                                        ? e.field()
                                        : ActionFailure.GENERAL,
                                e.message());
                    }
                    errors.putIfAbsent(
                            ActionFailure.GENERAL, problems.sentence(problem.code(), LocaleContextHolder.getLocale()));
                }
            }
        }
        return feePage(draft, values, errors, model);
    }

    private String feePage(WalkInDraft draft, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("values", values);
        return page(draft, 4, errors, model, "desk/walk-in/fee");
    }

    // 5. done: the code, the appointment, Mẫu 01 (or, guided, Mẫu 02)

    @GetMapping(BASE + "/{id}/da-xong")
    String done(@PathVariable UUID id, HttpSession session, Model model) {
        Optional<WalkInDraft> draft = drafts.find(session, id);
        if (draft.isEmpty()) {
            return "redirect:" + BASE;
        }
        if (draft.get().outcome() == null) {
            return redirect(draft.get(), "ho-so");
        }
        return page(draft.get(), 5, Map.of(), model, "desk/walk-in/done");
    }

    /** Where a step before the intake goes instead once the API answered, or when an earlier step is not done. */
    private String before(WalkInDraft draft, int step) {
        if (draft.outcome() != null) {
            return redirect(draft, draft.outcome().guided() ? "da-xong" : "le-phi");
        }
        if (!draft.hasApplicant()) {
            return redirect(draft, "nguoi-nop");
        }
        if (step >= 3 && draft.procedureCode() == null) {
            return redirect(draft, "thu-tuc");
        }
        return null;
    }

    /** The fee step needs a received dossier. */
    private String after(WalkInDraft draft) {
        if (draft.outcome() == null) {
            return redirect(draft, draft.hasApplicant() ? "ho-so" : "nguoi-nop");
        }
        if (draft.outcome().guided()) {
            return redirect(draft, "da-xong");
        }
        return null;
    }

    private String page(WalkInDraft draft, int step, Map<String, String> errors, Model model, String view) {
        model.addAttribute("draft", draft);
        model.addAttribute("step", step);
        model.addAttribute("base", BASE + "/" + draft.id());
        model.addAttribute("errors", errors);
        return view;
    }

    private static String redirect(WalkInDraft draft, String step) {
        return "redirect:" + BASE + "/" + draft.id() + "/" + step;
    }

    private static String agency() {
        SignedInUser user = SignedInUser.current();
        return user == null ? null : user.agency();
    }

    /** The scan's real type from its first bytes (as dossier-service decides), never from its name. */
    private static String typeOf(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            byte[] head = in.readNBytes(8);
            if (head.length >= 5
                    && Arrays.equals(
                            Arrays.copyOf(head, 5), "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return "application/pdf";
            }
            if (head.length >= 8
                    && Arrays.equals(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
                return "image/png";
            }
            if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
                return "image/jpeg";
            }
            return null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** The file's own name without a path, at most the API's 255 characters; the requirement's code when none. */
    private static String fileName(MultipartFile file, String code) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return code;
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
