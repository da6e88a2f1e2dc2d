package vn.egov.dossier.intake;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.document.AcceptedFile;
import vn.egov.dossier.document.DossierProperties;
import vn.egov.dossier.document.PersonalDocuments;
import vn.egov.dossier.input.InputLimits;
import vn.egov.dossier.procedure.Procedure;

/**
 * Checks what a citizen sends against the procedure: typed form fields, the documents the procedure
 * requires, and the files themselves (size limits, real type from the bytes, safe names, digest). A document may also
 * come from the citizen's own store ({@code ownDocuments}, looked up for the owner only), checked the same.
 */
@Component
public class Intake {

    /**
     * One document of a submission or supplement: either a file part named {@code fileName}, or
     * {@code storedDocumentId}, a document from the citizen's own store (once-only: not uploaded again).
     */
    public record DocumentRef(
            @Size(max = InputLimits.CODE) String requirementCode,
            @Size(max = InputLimits.FILE_NAME) String fileName,
            @Size(max = InputLimits.CODE) String storedDocumentId) {
        public DocumentRef(String requirementCode, String fileName) {
            this(requirementCode, fileName, null);
        }
    }

    /** No reuse: every document is an upload (a decision document, for instance). */
    public static final Function<UUID, Optional<PersonalDocuments.StoredDocument>> UPLOADS_ONLY =
            id -> Optional.empty();

    private final DossierProperties limits;

    Intake(DossierProperties limits) {
        this.limits = limits;
    }

    /**
     * A field error worded from {@code validation.dossier.<code>} when the answer is written, in the request's
     * language (not here: the wording must not depend on the thread or on the JVM's own locale).
     */
    public ApiProblem.FieldError error(String field, String code, Object... args) {
        return ApiProblem.FieldError.keyed(field, code, "validation.dossier." + code, args);
    }

    /**
     * The case (trường hợp) a dossier of {@code procedure} is for (decision 58): the one named; empty when the procedure
     * has none and none is named. A procedure with cases and none named ({@code case-required}), or a code that is not
     * one of its cases ({@code unknown-case}), is a 422 on {@code caseCode}: its documents depend on it.
     */
    public Optional<Procedure.Case> chosenCase(Procedure procedure, String caseCode) {
        String named = caseCode == null || caseCode.isBlank() ? null : caseCode.trim();
        if (named == null && procedure.cases().isEmpty()) {
            return Optional.empty();
        }
        ApiProblem.FieldError wrong = named == null
                ? error("caseCode", "case-required", procedure.code())
                : procedure.caseOf(named).isEmpty() ? error("caseCode", "unknown-case", named) : null;
        if (wrong != null) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-invalid", List.of(wrong), Map.of());
        }
        return procedure.caseOf(named);
    }

    /** A length limit broken by hand-checked input, worded like Bean Validation's {@code @Size}. */
    public ApiProblem.FieldError sizeError(String field, int max) {
        return ApiProblem.FieldError.of(field, "Size", field, max, 0);
    }

    /**
     * The size of form data, before anything else looks at it ({@link InputLimits}): at most
     * {@code FORM_FIELDS} fields with names of at most {@code FORM_FIELD_NAME} characters, each value a
     * plain value (text, number, true/false; no nested objects or lists) of at most {@code FORM_VALUE}
     * characters, and at most {@code FORM_BYTES} bytes serialised. Form data is stored (sealed) and shown
     * back; it is not copied into events.
     */
    public List<ApiProblem.FieldError> checkFormSize(Map<String, Object> formData) {
        if (formData == null) {
            return List.of();
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (formData.size() > InputLimits.FORM_FIELDS) {
            errors.add(error("formData", "form-too-many-fields", InputLimits.FORM_FIELDS));
            return errors;
        }
        long bytes = 2;
        for (Map.Entry<String, Object> e : formData.entrySet()) {
            String key = e.getKey();
            if (key.length() > InputLimits.FORM_FIELD_NAME) {
                errors.add(error("formData", "form-field-name-too-long", InputLimits.FORM_FIELD_NAME));
                continue;
            }
            String path = "formData." + key;
            Object value = e.getValue();
            if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
                errors.add(error(path, "form-value-not-plain"));
            } else if (value instanceof String s && s.length() > InputLimits.FORM_VALUE) {
                errors.add(sizeError(path, InputLimits.FORM_VALUE));
            }
            bytes += utf8Length(key) + utf8Length(String.valueOf(value)) + 6;
        }
        if (errors.isEmpty() && bytes > InputLimits.FORM_BYTES) {
            errors.add(error("formData", "form-too-large", InputLimits.FORM_BYTES));
        }
        return errors;
    }

    /** The UTF-8 bytes of a string in JSON, at most (control characters, quotes and backslashes counted as escaped). */
    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += c < 0x20 || c == '"' || c == '\\' ? 6 : 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public List<ApiProblem.FieldError> checkForm(Procedure procedure, Map<String, Object> formData) {
        Map<String, Object> data = formData == null ? Map.of() : formData;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Procedure.FormField field : procedure.fields()) {
            known.add(field.name());
            String path = "formData." + field.name();
            Object value = data.get(field.name());
            if (value == null || value instanceof String s && s.isBlank()) {
                if (field.required()) {
                    errors.add(error(path, "required"));
                }
                continue;
            }
            String text = String.valueOf(value).trim();
            switch (field.type()) {
                case TEXT -> {
                    if (!(value instanceof String)) {
                        errors.add(error(path, "invalid-text"));
                    } else if (field.maxLength() != null && text.length() > field.maxLength()) {
                        errors.add(error(path, "too-long", field.maxLength()));
                    }
                }
                case DATE -> {
                    try {
                        LocalDate.parse(text);
                    } catch (DateTimeParseException e) {
                        errors.add(error(path, "invalid-date"));
                    }
                }
                case NUMBER -> {
                    if (!(value instanceof Number) && !text.matches("\\d{1,15}(\\.\\d+)?")
                            || value instanceof Number n && n.doubleValue() < 0) {
                        errors.add(error(path, "invalid-number"));
                    }
                }
                case SELECT -> {
                    if (field.options() == null || !field.options().contains(text)) {
                        errors.add(error(
                                path,
                                "invalid-option",
                                field.options() == null ? "" : String.join(", ", field.options())));
                    }
                }
                case BOOLEAN -> {
                    if (!(value instanceof Boolean) && !text.equals("true") && !text.equals("false")) {
                        errors.add(error(path, "invalid-boolean"));
                    }
                }
                case NATIONAL_ID -> {
                    if (!text.matches("\\d{12}")) {
                        errors.add(error(path, "invalid-national-id"));
                    }
                }
            }
        }
        for (String key : data.keySet()) {
            if (!known.contains(key)) {
                errors.add(error("formData." + key, "unknown-field"));
            }
        }
        return errors;
    }

    /**
     * Matches the declared documents to the uploaded file parts and checks them. {@code mustCover} are
     * the requirement codes that must be present (mandatory ones, or the missing ones of a supplement
     * request). Size limits answer 413 at once; everything else is collected in {@code errors}.
     */
    public List<AcceptedFile> checkDocuments(
            List<DocumentRef> declared,
            List<MultipartFile> files,
            Function<String, Optional<Procedure.RequiredDocument>> requirements,
            Collection<String> mustCover,
            List<ApiProblem.FieldError> errors,
            Function<UUID, Optional<PersonalDocuments.StoredDocument>> ownDocuments) {
        List<DocumentRef> refs = declared == null ? List.of() : declared;
        Map<String, MultipartFile> byName = new HashMap<>();
        long total = 0;
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.getSize() > limits.maxFileSize().toBytes()) {
                throw new ApiProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "file-too-large",
                        Uploads.sanitise(file.getOriginalFilename()),
                        limits.maxFileSize().toMegabytes());
            }
            total += file.getSize();
            if (byName.putIfAbsent(Uploads.sanitise(file.getOriginalFilename()), file) != null) {
                errors.add(error("files", "duplicate-file", Uploads.sanitise(file.getOriginalFilename())));
            }
        }
        if (total > limits.maxDossierSize().toBytes()) {
            throw new ApiProblem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "dossier-too-large",
                    limits.maxDossierSize().toMegabytes());
        }
        List<AcceptedFile> accepted = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        Set<String> usedNames = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            DocumentRef ref = refs.get(i);
            String path = "documents[" + i + "]";
            Optional<Procedure.RequiredDocument> requirement =
                    ref.requirementCode() == null ? Optional.empty() : requirements.apply(ref.requirementCode());
            if (requirement.isEmpty()) {
                errors.add(
                        error(path + ".requirementCode", "unknown-requirement", String.valueOf(ref.requirementCode())));
                continue;
            }
            if (ref.storedDocumentId() != null) {
                if (ref.fileName() != null) {
                    errors.add(error(path, "file-or-stored-document"));
                    continue;
                }
                reuse(ref.storedDocumentId(), requirement.get(), path, ownDocuments, errors)
                        .ifPresent(file -> {
                            covered.add(file.requirementCode());
                            accepted.add(file);
                        });
                continue;
            }
            if (ref.fileName() == null || ref.fileName().isBlank()) {
                errors.add(error(path + ".fileName", "required"));
                continue;
            }
            String name = Uploads.sanitise(ref.fileName());
            MultipartFile file = byName.get(name);
            if (file == null || !usedNames.add(name)) {
                errors.add(error(path + ".fileName", "file-missing", name));
                continue;
            }
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (content.length == 0) {
                errors.add(error(path + ".fileName", "empty-file", name));
                continue;
            }
            String type = Uploads.sniff(content);
            if (type == null || !requirement.get().allowedTypes().contains(type)) {
                errors.add(error(
                        path + ".fileName",
                        "content-type-not-allowed",
                        name,
                        String.join(", ", requirement.get().allowedTypes())));
                continue;
            }
            covered.add(requirement.get().code());
            accepted.add(
                    new AcceptedFile(requirement.get().code(), name, type, content, Uploads.sha256(content), null));
        }
        for (String code : mustCover) {
            if (!covered.contains(code)) {
                errors.add(error("documents", "missing-document", code));
            }
        }
        for (String name : byName.keySet()) {
            if (!usedNames.contains(name)) {
                errors.add(error("files", "unreferenced-file", name));
            }
        }
        return accepted;
    }

    /**
     * A document from the owner's store, checked like an upload against this requirement. An id that is not
     * theirs answers exactly like one that does not exist. The bytes must still match their recorded digest.
     */
    private Optional<AcceptedFile> reuse(
            String storedId,
            Procedure.RequiredDocument requirement,
            String path,
            Function<UUID, Optional<PersonalDocuments.StoredDocument>> ownDocuments,
            List<ApiProblem.FieldError> errors) {
        Optional<PersonalDocuments.StoredDocument> stored;
        try {
            stored = ownDocuments.apply(UUID.fromString(storedId));
        } catch (IllegalArgumentException e) {
            stored = Optional.empty();
        }
        if (stored.isEmpty()) {
            errors.add(error(path + ".storedDocumentId", "stored-document-not-found", storedId));
            return Optional.empty();
        }
        PersonalDocuments.StoredDocument doc = stored.get();
        if (!Uploads.sha256(doc.content()).equals(doc.sha256())) {
            throw new IllegalStateException("stored document " + doc.id() + " does not match its SHA-256");
        }
        if (!requirement.allowedTypes().contains(doc.contentType())) {
            errors.add(error(
                    path + ".storedDocumentId",
                    "content-type-not-allowed",
                    doc.fileName(),
                    String.join(", ", requirement.allowedTypes())));
            return Optional.empty();
        }
        return Optional.of(new AcceptedFile(
                requirement.code(), doc.fileName(), doc.contentType(), doc.content(), doc.sha256(), doc.id()));
    }
}
