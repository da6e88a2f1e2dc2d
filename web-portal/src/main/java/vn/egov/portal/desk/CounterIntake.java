package vn.egov.portal.desk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.UserApi;

/**
 * dossier-service's counter with the officer's token: the walk-in intake ({@code POST /api/v1/desk/dossiers},
 * multipart, received at once) and the counter guidance ({@code POST /api/v1/desk/guidance}, Mẫu 02, GUIDED), each
 * with the wizard's Idempotency-Key; and the catalogue's procedure as the intake needs it (fields, documents, fee).
 */
@Component
class CounterIntake {

    /** {@code GET /api/v1/procedures/{code}}: what the intake's step 3 asks for. */
    record Procedure(
            String code,
            String name,
            String nameEn,
            String agencyCode,
            long feeVnd,
            List<Field> fields,
            List<Requirement> documents,
            List<Case> cases) {

        Procedure {
            fields = fields == null ? List.of() : fields;
            documents = documents == null ? List.of() : documents;
            cases = cases == null ? List.of() : cases;
        }

        public Case caseOf(String caseCode) {
            return cases.stream()
                    .filter(c -> c.code().equals(caseCode))
                    .findFirst()
                    .orElse(null);
        }

        /** The procedure with only the documents asked in the case {@code caseCode} (unchanged when it is none). */
        Procedure inCase(String caseCode) {
            if (caseOf(caseCode) == null) {
                return this;
            }
            return new Procedure(
                    code,
                    name,
                    nameEn,
                    agencyCode,
                    feeVnd,
                    fields,
                    documents.stream()
                            .filter(d -> d.cases() == null || d.cases().contains(caseCode))
                            .toList(),
                    cases);
        }
    }

    /** One case of the procedure (trường hợp, decision 58). */
    record Case(String code, String name, String nameEn) {}

    /** type: TEXT, DATE, NUMBER, SELECT, BOOLEAN, NATIONAL_ID. No prefill at the counter: the officer types it. */
    record Field(
            String name,
            String label,
            String labelEn,
            String type,
            boolean required,
            List<String> options,
            Integer maxLength) {

        Field {
            options = options == null ? List.of() : options;
        }

        /** The input's type in the page. */
        public String input() {
            return switch (type == null ? "TEXT" : type) {
                case "DATE" -> "date";
                case "SELECT" -> "select";
                case "BOOLEAN" -> "checkbox";
                default -> "text";
            };
        }

        /** The input's maxlength: the catalogue's, 12 for a national id, else the API's form value limit. */
        public int limit() {
            if ("NATIONAL_ID".equals(type)) {
                return 12;
            }
            return maxLength != null ? maxLength : 1000;
        }
    }

    /** {@code cases}: the cases it is asked in, null in every case. */
    record Requirement(
            String code, String name, String nameEn, boolean mandatory, List<String> allowedTypes, List<String> cases) {

        Requirement {
            allowedTypes = allowedTypes == null ? List.of() : allowedTypes;
        }
    }

    /** A scanned paper: the requirement it answers, the file, and whether it was scanned from the original. */
    record Scan(String requirementCode, String fileName, String contentType, byte[] content, String copyKind) {}

    /** {@code WalkIns.CounterResponse}. */
    record Answer(
            String code,
            String status,
            String channel,
            LocalDate receivedDate,
            LocalDate dueDate,
            long feeVnd,
            List<String> missingDocuments,
            String lookupSecret) {

        WalkInDraft.Outcome outcome() {
            return new WalkInDraft.Outcome(code, status, receivedDate, dueDate, feeVnd, lookupSecret);
        }
    }

    private final RestClient api;
    private final RestClient publicApi;

    CounterIntake(@UserApi RestClient api, RestClient publicApi) {
        this.api = api;
        this.publicApi = publicApi;
    }

    Procedure procedure(String code) {
        return publicApi.get().uri("/api/v1/procedures/{code}", code).retrieve().body(Procedure.class);
    }

    Answer intake(WalkInDraft draft, List<Scan> scans) {
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("applicant", draft.applicant());
        dossier.put("procedureCode", draft.procedureCode());
        dossier.put("formData", draft.formData());
        dossier.put("channel", draft.channel());
        if (draft.caseCode() != null) {
            dossier.put("caseCode", draft.caseCode());
        }
        if (draft.agencyCode() != null) {
            // a service centre receives it for this agency (decision 57)
            dossier.put("agencyCode", draft.agencyCode());
        }
        List<Map<String, String>> documents = new ArrayList<>();
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (Scan scan : scans) {
            Map<String, String> document = new LinkedHashMap<>();
            document.put("requirementCode", scan.requirementCode());
            document.put("fileName", scan.fileName());
            document.put("copyKind", scan.copyKind());
            documents.add(document);
        }
        dossier.put("documents", documents);
        parts.add("dossier", new HttpEntity<>(dossier, json));
        for (Scan scan : scans) {
            HttpHeaders file = new HttpHeaders();
            file.setContentType(MediaType.parseMediaType(scan.contentType()));
            file.setContentDispositionFormData("files", scan.fileName());
            parts.add("files", new HttpEntity<>(new ByteArrayResource(scan.content()), file));
        }
        return api.post()
                .uri("/api/v1/desk/dossiers")
                .header("Idempotency-Key", draft.id().toString())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .body(Answer.class);
    }

    Answer guidance(WalkInDraft draft, List<String> missing, String reason, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("applicant", draft.applicant());
        body.put("procedureCode", draft.procedureCode());
        body.put("missingDocuments", missing);
        if (draft.caseCode() != null) {
            body.put("caseCode", draft.caseCode());
        }
        body.put("reason", reason);
        if (draft.agencyCode() != null) {
            body.put("agencyCode", draft.agencyCode());
        }
        if (note != null) {
            body.put("note", note);
        }
        return api.post()
                .uri("/api/v1/desk/guidance")
                .header("Idempotency-Key", draft.id().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Answer.class);
    }
}
