package vn.egov.portal.submission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.ProblemMessages;
import vn.egov.portal.documents.PersonalDocuments;
import vn.egov.portal.web.Formats;

/**
 * "Nộp hồ sơ trực tuyến": 1. the procedure's form fields, 2. its documents (a file each, or one from the citizen's
 * store), 3. review and submit, then the confirmation. Each step is a plain form (POST, then a redirect to the next
 * step), so the wizard works without JavaScript; the draft is in the session, so going back, a reload or an error
 * never loses what was typed. The submission carries the wizard's id as its Idempotency-Key: one wizard makes at
 * most one dossier, however often its last button is pressed.
 */
@Controller
@RequestMapping("/nop-ho-so/{code}")
class SubmissionWizardController {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWizardController.class);

    /** The API's limit on {@code agencyCode}: a longer value is no agency (chosen again). */
    private static final int AGENCY_CODE = 64;

    private static final Pattern DOCUMENT_ERROR = Pattern.compile("documents\\[(\\d+)].*");

    private final WizardProcedures procedures;
    private final WizardDrafts drafts;
    private final DraftFiles files;
    private final Submissions submissions;
    private final PersonalDocuments store;
    private final WizardProperties limits;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final Formats formats;

    SubmissionWizardController(
            WizardProcedures procedures,
            WizardDrafts drafts,
            DraftFiles files,
            Submissions submissions,
            PersonalDocuments store,
            WizardProperties limits,
            ProblemMessages problems,
            MessageSource messages,
            Formats formats) {
        this.procedures = procedures;
        this.drafts = drafts;
        this.files = files;
        this.submissions = submissions;
        this.store = store;
        this.limits = limits;
        this.problems = problems;
        this.messages = messages;
        this.formats = formats;
    }

    /** A new wizard (a new Idempotency-Key) each time the citizen starts from the procedure page. */
    @GetMapping
    String start(@PathVariable String code, HttpSession session, Authentication user) {
        WizardProcedures.Procedure procedure = procedures.find(code);
        if (!procedure.online()) {
            return "redirect:/thu-tuc/" + procedure.code();
        }
        WizardDraft draft = drafts.start(session, user.getName(), procedure.code());
        return "redirect:" + step(draft, "thong-tin");
    }

    // ---- step 1: the form -------------------------------------------------------------------------------------

    @GetMapping("/{id}/thong-tin")
    String form(@PathVariable String code, @PathVariable UUID id, HttpSession session, Model model) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty() || found.get().submitted() != null) {
            return lost(code, found);
        }
        WizardDraft draft = found.get();
        page(model, procedures.find(code), draft, 1);
        model.addAttribute("values", draft.formData());
        return "wizard/form";
    }

    @PostMapping("/{id}/thong-tin")
    String saveForm(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            HttpSession session,
            Authentication user,
            Model model,
            Locale locale) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty() || found.get().submitted() != null) {
            return lost(code, found);
        }
        WizardDraft draft = found.get();
        WizardProcedures.Procedure procedure = procedures.find(code);
        draft.formData().clear();
        for (WizardProcedures.Field field : procedure.fields()) {
            String value = params.getFirst("field." + field.name());
            if (value != null && !value.isBlank()) {
                draft.formData().put(field.name(), value.strip());
            }
        }
        String agency = params.getFirst("agencyCode");
        draft.agencyCode(
                procedure.agencyChoice() && agency != null && !agency.isBlank() && agency.length() <= AGENCY_CODE
                        ? agency.strip()
                        : null);
        Map<String, String> errors = new LinkedHashMap<>();
        String agencyError = Checks.agency(procedure, draft.agencyCode());
        if (agencyError != null) {
            errors.put("agencyCode", messages.getMessage(agencyError, null, locale));
        }
        String chosenCase = params.getFirst("caseCode");
        draft.caseCode(
                procedure.caseChoice() && chosenCase != null && procedure.caseOf(chosenCase.strip()) != null
                        ? chosenCase.strip()
                        : null);
        String caseError = Checks.caseChoice(procedure, draft.caseCode());
        if (caseError != null) {
            errors.put("caseCode", messages.getMessage(caseError, null, locale));
        }
        // a document of another case is not sent: dropped with its file when the case changes
        List<String> asked = procedure.documentsIn(draft.caseCode()).stream()
                .map(WizardProcedures.Document::code)
                .toList();
        List<String> others = draft.documents().keySet().stream()
                .filter(c -> !asked.contains(c))
                .toList();
        others.forEach(c -> dropUpload(user.getName(), draft.documents().remove(c)));
        Checks.form(procedure, draft.formData())
                .forEach((field, key) -> errors.put(
                        field, messages.getMessage(key, new Object[] {maxLength(procedure, field)}, locale)));
        draft.formDone(errors.isEmpty());
        drafts.save(session, draft);
        if (!errors.isEmpty()) {
            page(model, procedure, draft, 1);
            model.addAttribute("values", draft.formData());
            model.addAttribute("errors", errors);
            return "wizard/form";
        }
        return "redirect:" + step(draft, "tai-lieu");
    }

    // ---- step 2: the documents --------------------------------------------------------------------------------

    @GetMapping("/{id}/tai-lieu")
    String documents(@PathVariable String code, @PathVariable UUID id, HttpSession session, Model model) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty() || found.get().submitted() != null) {
            return lost(code, found);
        }
        WizardDraft draft = found.get();
        if (!draft.formDone()) {
            return "redirect:" + step(draft, "thong-tin");
        }
        documentsPage(model, procedures.find(code), draft, storedDocuments());
        return "wizard/documents";
    }

    @PostMapping("/{id}/tai-lieu")
    String saveDocuments(
            @PathVariable String code,
            @PathVariable UUID id,
            HttpServletRequest request,
            HttpSession session,
            Authentication user,
            Model model,
            Locale locale) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty() || found.get().submitted() != null) {
            return lost(code, found);
        }
        WizardDraft draft = found.get();
        WizardProcedures.Procedure listed = procedures.find(code);
        // the documents of the case chosen
        WizardProcedures.Procedure procedure = listed.at(draft.agencyCode(), draft.caseCode());
        Optional<List<PersonalDocuments.StoredDocument>> stored = storedDocuments();
        // the multipart request under the security and session wrappers (null: a form posted without files)
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        Map<String, String> errors = new LinkedHashMap<>();
        for (WizardProcedures.Document document : procedure.documents()) {
            MultipartFile file = multipart == null ? null : multipart.getFile(fileInput(document));
            String error = file == null
                            || file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank()
                    ? choose(user.getName(), draft, document, request, stored.orElse(List.of()))
                    : upload(user.getName(), draft, document, file);
            if (error != null) {
                errors.put(document.code(), messages.getMessage(error, limitArguments(document), locale));
            }
        }
        for (WizardProcedures.Document document : procedure.documents()) {
            if (document.mandatory()
                    && !draft.documents().containsKey(document.code())
                    && !errors.containsKey(document.code())) {
                errors.put(document.code(), messages.getMessage("wizard.error.document-required", null, locale));
            }
        }
        drafts.save(session, draft);
        if (!errors.isEmpty()) {
            documentsPage(model, listed, draft, stored);
            model.addAttribute("errors", errors);
            return "wizard/documents";
        }
        return "redirect:" + step(draft, "xem-lai");
    }

    /** A file for the document: checked as the API will (size, real type), then kept sealed until the submission. */
    private String upload(String owner, WizardDraft draft, WizardProcedures.Document document, MultipartFile file) {
        if (file.getSize() == 0) {
            return "wizard.error.file-empty";
        }
        if (file.getSize() > limits.maxFileSize().toBytes()) {
            return "wizard.error.file-too-large";
        }
        long others = draft.documents().values().stream()
                .filter(c -> c.uploaded() && !c.requirementCode().equals(document.code()))
                .mapToLong(WizardDraft.Chosen::sizeBytes)
                .sum();
        if (others + file.getSize() > limits.maxDossierSize().toBytes()) {
            return "wizard.error.dossier-too-large";
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = Checks.sniff(content);
        if (type == null || !document.allowedTypes().contains(type)) {
            return "wizard.error.file-type";
        }
        String name = Checks.fileName(file.getOriginalFilename());
        // the API matches files to documents by name: two documents never send the same name
        boolean taken = draft.documents().values().stream()
                .anyMatch(c -> c.uploaded()
                        && !c.requirementCode().equals(document.code())
                        && c.fileName().equals(name));
        String unique = taken ? Checks.fileName(document.code() + "-" + name) : name;
        UUID upload = files.store(owner, draft.id(), document.code(), content);
        draft.documents()
                .put(
                        document.code(),
                        new WizardDraft.Chosen(document.code(), upload, null, unique, type, content.length));
        return null;
    }

    /** No file given: a document of the store chosen instead, the current choice removed, or kept as it is. */
    private String choose(
            String owner,
            WizardDraft draft,
            WizardProcedures.Document document,
            HttpServletRequest request,
            List<PersonalDocuments.StoredDocument> stored) {
        WizardDraft.Chosen current = draft.documents().get(document.code());
        String storedId = request.getParameter(storedInput(document));
        if (storedId != null && !storedId.isBlank()) {
            Optional<PersonalDocuments.StoredDocument> choice = stored.stream()
                    .filter(d -> d.id().toString().equals(storedId.strip()))
                    .filter(d -> document.allowedTypes().contains(d.contentType()))
                    .findFirst();
            if (choice.isEmpty()) {
                return "wizard.error.stored-not-found";
            }
            dropUpload(owner, current);
            PersonalDocuments.StoredDocument d = choice.get();
            draft.documents()
                    .put(
                            document.code(),
                            new WizardDraft.Chosen(
                                    document.code(), null, d.id(), d.fileName(), d.contentType(), d.sizeBytes()));
        } else if ("true".equals(request.getParameter("remove." + document.code()))) {
            dropUpload(owner, current);
            draft.documents().remove(document.code());
        }
        return null;
    }

    private void dropUpload(String owner, WizardDraft.Chosen current) {
        if (current != null && current.uploaded()) {
            files.delete(owner, current.uploadId());
        }
    }

    // ---- step 3: review and submit ----------------------------------------------------------------------------

    @GetMapping("/{id}/xem-lai")
    String review(@PathVariable String code, @PathVariable UUID id, HttpSession session, Model model) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty() || found.get().submitted() != null) {
            return lost(code, found);
        }
        WizardDraft draft = found.get();
        WizardProcedures.Procedure procedure = procedures.find(code);
        String missing = missingStep(procedure, draft);
        if (missing != null) {
            return "redirect:" + step(draft, missing);
        }
        page(model, procedure, draft, 3);
        model.addAttribute("values", draft.formData());
        model.addAttribute(
                "fee", procedure.at(draft.agencyCode(), draft.caseCode()).feeFor(draft.formData()));
        model.addAttribute("shown", shown(procedure, draft, LocaleContextHolder.getLocale()));
        return "wizard/review";
    }

    @PostMapping("/{id}/xem-lai")
    String submit(
            @PathVariable String code,
            @PathVariable UUID id,
            HttpSession session,
            Authentication user,
            RedirectAttributes next,
            Locale locale) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty() || found.get().submitted() != null) {
            // a second click, a reload of the POST: the dossier of the first one
            return lost(code, found);
        }
        WizardDraft draft = found.get();
        WizardProcedures.Procedure procedure = procedures.find(code);
        String missing = missingStep(procedure, draft);
        if (missing != null) {
            return "redirect:" + step(draft, missing);
        }
        List<WizardDraft.Chosen> documents = new ArrayList<>();
        procedure = procedure.at(draft.agencyCode(), draft.caseCode());
        Map<UUID, Submissions.Upload> uploads = new LinkedHashMap<>();
        for (WizardProcedures.Document document : procedure.documents()) {
            WizardDraft.Chosen chosen = draft.documents().get(document.code());
            if (chosen == null) {
                continue;
            }
            if (chosen.uploaded()) {
                Optional<byte[]> content = files.read(user.getName(), chosen.uploadId());
                if (content.isEmpty()) {
                    // kept longer than the files are (or the key changed): the user chooses the file again
                    draft.documents().remove(document.code());
                    drafts.save(session, draft);
                    next.addFlashAttribute(
                            "errors",
                            Map.of(document.code(), messages.getMessage("wizard.error.file-expired", null, locale)));
                    return "redirect:" + step(draft, "tai-lieu");
                }
                uploads.put(
                        chosen.uploadId(),
                        new Submissions.Upload(chosen.fileName(), chosen.contentType(), content.get()));
            }
            documents.add(chosen);
        }
        Submissions.Answer answer;
        try {
            answer = submissions.submit(draft, documents, uploads);
        } catch (ApiProblemException problem) {
            if (problem.status() == 401) {
                throw problem; // signing in again
            }
            return refused(problem, procedure, draft, documents, next, locale);
        }
        draft.submitted(new WizardDraft.Submitted(
                answer.code(),
                answer.status(),
                answer.dueDate(),
                answer.payment() == null ? null : answer.payment().amount(),
                answer.payment() == null ? null : answer.payment().paymentUrl(),
                answer.paymentPending()));
        draft.formData().clear(); // the dossier has it now; the session keeps only the answer
        drafts.save(session, draft);
        files.deleteDraft(user.getName(), draft.id());
        return "redirect:" + step(draft, "da-nop");
    }

    /**
     * The API refused the dossier: its field errors go next to the fields of the step they belong to (form fields on
     * step 1, documents on step 2: the documents were sent in the draft's order, so {@code documents[i]} is the
     * i-th), anything else is a sentence at the top of the review.
     */
    private String refused(
            ApiProblemException problem,
            WizardProcedures.Procedure procedure,
            WizardDraft draft,
            List<WizardDraft.Chosen> sent,
            RedirectAttributes next,
            Locale locale) {
        log.info("Submission refused: {} {}", problem.status(), problem.code());
        Map<String, String> formErrors = new LinkedHashMap<>();
        Map<String, String> documentErrors = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (ApiProblemException.FieldError error : problem.fieldErrors()) {
            String field = error.field();
            Matcher document = DOCUMENT_ERROR.matcher(field);
            if (field.startsWith("formData.")
                    && procedure.fields().stream().anyMatch(f -> f.name().equals(field.substring(9)))) {
                formErrors.put(field.substring(9), error.message());
            } else if (field.equals("agencyCode") || field.equals("caseCode")) {
                formErrors.put(field, error.message());
            } else if (document.matches() && Integer.parseInt(document.group(1)) < sent.size()) {
                documentErrors.put(sent.get(Integer.parseInt(document.group(1))).requirementCode(), error.message());
            } else {
                others.add(error.message());
            }
        }
        String sentence = problems.sentence(problem.code(), locale);
        if (!formErrors.isEmpty()) {
            next.addFlashAttribute("errors", formErrors);
            next.addFlashAttribute("problem", sentence);
            next.addFlashAttribute("details", others);
            return "redirect:" + step(draft, "thong-tin");
        }
        if (!documentErrors.isEmpty() || !others.isEmpty() || problem.status() == 413) {
            next.addFlashAttribute("errors", documentErrors);
            next.addFlashAttribute("problem", sentence);
            next.addFlashAttribute("details", others);
            return "redirect:" + step(draft, "tai-lieu");
        }
        next.addFlashAttribute("problem", sentence);
        return "redirect:" + step(draft, "xem-lai");
    }

    // ---- after: the confirmation -------------------------------------------------------------------------------

    @GetMapping("/{id}/da-nop")
    String submitted(@PathVariable String code, @PathVariable UUID id, HttpSession session, Model model) {
        Optional<WizardDraft> found = drafts.find(session, code, id);
        if (found.isEmpty()) {
            return "redirect:/ho-so";
        }
        WizardDraft draft = found.get();
        if (draft.submitted() == null) {
            return "redirect:" + step(draft, "xem-lai");
        }
        WizardProcedures.Procedure procedure = procedures.find(code).at(draft.agencyCode(), draft.caseCode());
        model.addAttribute("procedure", procedure);
        model.addAttribute("name", formats.name(procedure.name(), procedure.nameEn()));
        model.addAttribute("result", draft.submitted());
        model.addAttribute("paymentUrl", safeLink(draft.submitted().paymentUrl()));
        return "wizard/submitted";
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    /** An unknown wizard (the session ended, another session's id) starts anew; a submitted one shows its answer. */
    private static String lost(String code, Optional<WizardDraft> found) {
        if (found.isPresent()) {
            return "redirect:" + step(found.get(), "da-nop");
        }
        return "redirect:/nop-ho-so/" + code;
    }

    private static String step(WizardDraft draft, String step) {
        return "/nop-ho-so/" + draft.procedureCode() + "/" + draft.id() + "/" + step;
    }

    private static String missingStep(WizardProcedures.Procedure procedure, WizardDraft draft) {
        if (!draft.formDone()
                || Checks.agency(procedure, draft.agencyCode()) != null
                || Checks.caseChoice(procedure, draft.caseCode()) != null
                || !Checks.form(procedure, draft.formData()).isEmpty()) {
            return "thong-tin";
        }
        boolean documentsMissing = procedure.documentsIn(draft.caseCode()).stream()
                .anyMatch(d -> d.mandatory() && !draft.documents().containsKey(d.code()));
        return documentsMissing ? "tai-lieu" : null;
    }

    /** {@code procedure} as listed: the page shows it as the agency chosen offers it (its name, fee, time limit). */
    private void page(Model model, WizardProcedures.Procedure listed, WizardDraft draft, int step) {
        WizardProcedures.Procedure procedure = listed.at(draft.agencyCode(), draft.caseCode());
        model.addAttribute("procedure", procedure);
        model.addAttribute("listed", listed);
        model.addAttribute("chosenCase", listed.caseOf(draft.caseCode()));
        model.addAttribute("name", formats.name(procedure.name(), procedure.nameEn()));
        model.addAttribute("draft", draft);
        model.addAttribute("step", step);
        model.addAttribute("base", "/nop-ho-so/" + procedure.code() + "/" + draft.id());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("hints", hints(procedure, LocaleContextHolder.getLocale()));
    }

    /** The answers as the review shows them: an option's words, a date in the page's format, "yes". */
    private Map<String, String> shown(WizardProcedures.Procedure procedure, WizardDraft draft, Locale locale) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (WizardProcedures.Field field : procedure.fields()) {
            String value = draft.formData().get(field.name());
            if (value == null) {
                continue;
            }
            shown.put(
                    field.name(),
                    switch (field.type()) {
                        case "SELECT" -> messages.getMessage("wizard.option." + value, null, value, locale);
                        case "BOOLEAN" -> messages.getMessage("wizard.review.yes", null, locale);
                        case "DATE" -> formats.date(java.time.LocalDate.parse(value));
                        default -> value;
                    });
        }
        return shown;
    }

    /** What each field expects, in words (its id is the field's aria-describedby). */
    private Map<String, String> hints(WizardProcedures.Procedure procedure, Locale locale) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (WizardProcedures.Field field : procedure.fields()) {
            List<String> parts = new ArrayList<>();
            switch (field.type()) {
                case "TEXT" -> {
                    if (field.maxLength() != null) {
                        parts.add(messages.getMessage(
                                "wizard.hint.max-length", new Object[] {field.maxLength()}, locale));
                    }
                }
                case "NATIONAL_ID" -> parts.add(messages.getMessage("wizard.hint.national-id", null, locale));
                case "NUMBER" -> parts.add(messages.getMessage("wizard.hint.number", null, locale));
                case "DATE" -> parts.add(messages.getMessage("wizard.hint.date", null, locale));
                default -> {}
            }
            if (field.prefill() != null) {
                parts.add(messages.getMessage("wizard.hint.prefill", null, locale));
            }
            if (!parts.isEmpty()) {
                hints.put(field.name(), String.join(" ", parts));
            }
        }
        return hints;
    }

    private void documentsPage(
            Model model,
            WizardProcedures.Procedure procedure,
            WizardDraft draft,
            Optional<List<PersonalDocuments.StoredDocument>> stored) {
        page(model, procedure, draft, 2);
        Map<String, List<PersonalDocuments.StoredDocument>> choices = new LinkedHashMap<>();
        for (WizardProcedures.Document document : procedure.documentsIn(draft.caseCode())) {
            // the same kind of document first (a birth certificate given before), then any file of an allowed type
            List<PersonalDocuments.StoredDocument> fitting = new ArrayList<>();
            stored.orElse(List.of()).stream()
                    .filter(d -> document.allowedTypes().contains(d.contentType()))
                    .filter(d -> document.code().equals(d.requirementCode()))
                    .forEach(fitting::add);
            stored.orElse(List.of()).stream()
                    .filter(d -> document.allowedTypes().contains(d.contentType()))
                    .filter(d -> !document.code().equals(d.requirementCode()))
                    .forEach(fitting::add);
            choices.put(document.code(), fitting);
        }
        model.addAttribute("choices", choices);
        model.addAttribute("storeUnavailable", stored.isEmpty());
        model.addAttribute("maxFile", limits.maxFileSize().toMegabytes());
        model.addAttribute("maxDossier", limits.maxDossierSize().toMegabytes());
    }

    /** The citizen's stored documents, or nothing when the store does not answer (uploads still work). */
    private Optional<List<PersonalDocuments.StoredDocument>> storedDocuments() {
        try {
            return Optional.of(store.list(0, PersonalDocuments.MAX_PAGE_SIZE).items());
        } catch (ApiProblemException problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            log.warn("The document store did not answer: {} {}", problem.status(), problem.code());
            return Optional.empty();
        }
    }

    private Object[] limitArguments(WizardProcedures.Document document) {
        return new Object[] {
            limits.maxFileSize().toMegabytes(), limits.maxDossierSize().toMegabytes(), document.typeNames()
        };
    }

    private static Integer maxLength(WizardProcedures.Procedure procedure, String field) {
        for (WizardProcedures.Field f : procedure.fields()) {
            if (f.name().equals(field)) {
                return f.maxLengthHere();
            }
        }
        return null;
    }

    static String fileInput(WizardProcedures.Document document) {
        return "file." + document.code();
    }

    static String storedInput(WizardProcedures.Document document) {
        return "stored." + document.code();
    }

    /** The API's payment link, if it is a web address (never a {@code javascript:} one in the page). */
    private static String safeLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/"))
                ? url
                : null;
    }
}
