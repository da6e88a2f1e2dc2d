package vn.egov.portal.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.ApiProblemException;
import vn.egov.portal.api.UserApi;

/**
 * dossier-service's officer API with the signed-in officer's token: the agency's queue (the API picks the agency
 * from the token), a dossier, its history, its deadline, its documents, the actions; the catalogue and the
 * working-day calendar anonymously.
 */
@Component
class DeskApi {

    /** An item of {@code GET /api/v1/dossiers} (for an officer: the agency's queue, sorted by due date). */
    /** {@code dueAt}: the exact due time (null before there is one), for "overdue" by the minute. */
    record QueueItem(
            String code,
            String procedureCode,
            String status,
            Instant submittedAt,
            LocalDate dueDate,
            String businessTaxCode,
            Instant dueAt) {}

    /** {@code totalCapped}: the API stopped counting at {@code totalItems} (10 000); there are more. */
    record Queue(List<QueueItem> items, int page, int size, long totalItems, int totalPages, Boolean totalCapped) {

        Queue {
            // an API without the field counted exactly
            totalCapped = Boolean.TRUE.equals(totalCapped);
        }
    }

    /** {@code GET /api/v1/dossiers/{code}} as an officer sees it. */
    record Dossier(
            String code,
            String procedureCode,
            String procedureName,
            String agencyCode,
            String agencyName,
            String status,
            Instant submittedAt,
            LocalDate receivedDate,
            LocalDate dueDate,
            boolean overdue,
            long feeVnd,
            Payment payment,
            Map<String, Object> formData,
            List<String> missingDocuments,
            List<Document> documents,
            String businessTaxCode,
            String businessName,
            String lookupSecret,
            String channel,
            WalkInApplicant walkInApplicant,
            ResultDelivery resultDelivery,
            // decision 51: by when an online dossier must be received, and whether it is still waiting past that
            Instant receiptDueAt,
            Boolean receiptOverdue,
            // decision 58: the procedure's case it was submitted for, or null
            String caseName,
            // decisions 57 and 61: the service centre that received it for its agency, or null
            String receivingAgencyCode,
            String receivingAgencyName) {

        /**
         * The agency whose staff act on it now, as dossier-service decides (its DossierAccess): the service centre that
         * receives it for its agency while it waits to be received online (decision 61), else the agency.
         */
        String actingAgency() {
            return "SUBMITTED".equals(status) && receivingAgencyCode != null && !receivingAgencyCode.equals(agencyCode)
                    ? receivingAgencyCode
                    : agencyCode;
        }

        /**
         * The fee is taken at the counter: an online dossier waiting for its payment, or a walk-in one with a fee and
         * no payment order yet (the API takes none at the counter), while the dossier is still open.
         */
        boolean awaitsCounterFee() {
            if (feeVnd <= 0) {
                return false;
            }
            if ("AWAITING_PAYMENT".equals(status)) {
                return true;
            }
            return !"ONLINE".equals(channel)
                    && payment == null
                    && List.of("RECEIVED", "IN_PROCESSING", "RESOLVED").contains(status);
        }
    }

    /** The dossier's payment order, if one was requested. */
    record Payment(UUID id, long amount, String paymentUrl) {}

    /** How the result was handed over (COUNTER: who collected it, id masked; POST: tracking number, date). */
    record ResultDelivery(
            String method,
            String collectedByName,
            String collectedByNationalIdMasked,
            String trackingNumber,
            LocalDate postedDate,
            Instant deliveredAt) {}

    /** The person an officer identified at the counter (national id masked by the API). */
    record WalkInApplicant(
            String nationalIdMasked, String fullName, LocalDate dateOfBirth, String sex, String phone, String email) {}

    record Document(
            UUID id,
            String requirementCode,
            String kind,
            String fileName,
            String contentType,
            long sizeBytes,
            Instant uploadedAt) {

        /** Shown in the page: an image in an {@code <img>}, a PDF in an {@code <iframe>}; anything else downloaded. */
        public String preview() {
            if (contentType == null) {
                return "none";
            }
            if (contentType.equals("application/pdf")) {
                return "pdf";
            }
            return contentType.equals("image/png") || contentType.equals("image/jpeg") ? "image" : "none";
        }
    }

    record HistoryEntry(
            String action,
            String fromStatus,
            String toStatus,
            String actorRole,
            String reason,
            String note,
            Instant occurredAt) {}

    /** {@code GET /api/v1/dossiers/{code}/deadline}: why the due date is that date. */
    record Deadline(
            TimeLimit timeLimit,
            String workingHours,
            String clockStart,
            Instant startedAt,
            Instant dueAt,
            boolean moved,
            String summary,
            List<DeadlineDay> days,
            List<String> warnings) {}

    record TimeLimit(int amount, String unit, String source, String text) {}

    record DeadlineDay(LocalDate date, String kind, String text, String name) {}

    /** The catalogue's procedure: names, its form's fields and the documents it asks for. */
    record Procedure(String code, String name, String nameEn, List<Field> fields, List<Requirement> documents) {

        Procedure {
            fields = fields == null ? List.of() : fields;
            documents = documents == null ? List.of() : documents;
        }
    }

    /** A form field; one with a {@code prefill} source was filled from the applicant's identity (the applicant). */
    record Field(String name, String label, String labelEn, String prefill) {}

    record Requirement(String code, String name, String nameEn) {}

    record Procedures(List<Procedure> items) {}

    /** A page of the catalogue's search as a service centre reads it: each procedure with the agencies that offer it. */
    record OfferedPage(List<OfferedSummary> items, Integer totalPages) {}

    record OfferedSummary(
            String code, String name, String nameEn, String agencyCode, String agencyName, List<AgencyRef> agencies) {}

    record AgencyRef(String agencyCode, String agencyName) {}

    /** A procedure an agency of the centre's province offers: what a centre's officer chooses (decision 57). */
    record Offered(String code, String name, String nameEn, String agencyCode, String agencyName) {

        /** The select's value: the procedure and the agency that handles it. */
        public String value() {
            return code + "@" + agencyCode;
        }
    }

    record RegistryPage(List<RegistryAgency> items) {}

    record RegistryAgency(String code, String name) {}

    /** A declared day of the working-day calendar ({@code GET /api/v1/calendar/days}). */
    record CalendarDay(LocalDate day, String kind) {}

    /** The body of {@code POST …/actions/{action}}; what an action does not take stays null (left out). */
    record ActionRequest(
            String reason,
            String note,
            LocalDate newAppointmentDate,
            String targetAgencyCode,
            List<String> missingDocuments,
            Delivery delivery) {

        ActionRequest(
                String reason,
                String note,
                LocalDate newAppointmentDate,
                String targetAgencyCode,
                List<String> missingDocuments) {
            this(reason, note, newAppointmentDate, targetAgencyCode, missingDocuments, null);
        }
    }

    /** {@code delivery} of return-result and post-result; what a method does not take stays null. */
    record Delivery(
            String method,
            String collectedByName,
            String collectedByNationalId,
            String trackingNumber,
            LocalDate postedDate) {}

    /** The decision document of a resolve. */
    record ResultFile(String fileName, String contentType, byte[] content) {}

    private final RestClient api;
    private final RestClient publicApi;

    DeskApi(@UserApi RestClient api, RestClient publicApi) {
        this.api = api;
        this.publicApi = publicApi;
    }

    /** {@code applicant}: a CCCD or a full name to list that person's dossiers (decision 44), or null. */
    Queue queue(QueueFilter filter, String applicant, int page, int size) {
        return api.get()
                .uri(uri -> {
                    uri.path("/api/v1/dossiers").queryParam("page", page).queryParam("size", size);
                    if (applicant != null) {
                        // encoded as a value (a name has spaces and letters beyond ASCII)
                        uri.queryParam("applicant", "{applicant}");
                    }
                    if (filter.apiStatus() != null) {
                        uri.queryParam("status", filter.apiStatus());
                    }
                    if (filter.procedure() != null) {
                        uri.queryParam("procedure", filter.procedure());
                    }
                    if (filter.overdue()) {
                        uri.queryParam("overdue", true);
                    }
                    if (filter.receiptOverdue()) {
                        uri.queryParam("receiptOverdue", true);
                    }
                    if (filter.received()) {
                        uri.queryParam("received", true);
                    }
                    if (filter.dueBefore() != null) {
                        uri.queryParam("dueBefore", filter.dueBefore());
                    }
                    return applicant == null ? uri.build() : uri.build(applicant);
                })
                .retrieve()
                .body(new ParameterizedTypeReference<Queue>() {});
    }

    Dossier find(String code) {
        return api.get().uri("/api/v1/dossiers/{code}", code).retrieve().body(Dossier.class);
    }

    List<HistoryEntry> history(String code) {
        return api.get()
                .uri("/api/v1/dossiers/{code}/history", code)
                .retrieve()
                .body(new ParameterizedTypeReference<List<HistoryEntry>>() {});
    }

    /** Why this date; null when the API cannot say now (the page shows the due date alone). */
    Deadline deadline(String code) {
        try {
            return api.get()
                    .uri("/api/v1/dossiers/{code}/deadline", code)
                    .retrieve()
                    .body(Deadline.class);
        } catch (ApiProblemException problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            return null;
        }
    }

    void act(String code, String action, ActionRequest request) {
        api.post()
                .uri("/api/v1/dossiers/{code}/actions/{action}", code, action)
                .contentType(MediaType.APPLICATION_JSON)
                .body(withoutNulls(request))
                .retrieve()
                .toBodilessEntity();
    }

    /** {@code resolve}: part {@code action} (the same JSON) and part {@code result} (the decision PDF). */
    void actWithResult(String code, String action, ActionRequest request, ResultFile result) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("action", new HttpEntity<>(withoutNulls(request), json));
        HttpHeaders file = new HttpHeaders();
        file.setContentType(MediaType.parseMediaType(result.contentType()));
        file.setContentDispositionFormData("result", result.fileName());
        parts.add("result", new HttpEntity<>(new ByteArrayResource(result.content()), file));
        api.post()
                .uri("/api/v1/dossiers/{code}/actions/{action}", code, action)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toBodilessEntity();
    }

    /** The catalogue's procedure, or one named by its code when the catalogue no longer has it. */
    Procedure procedure(String code) {
        try {
            Procedure procedure = publicApi
                    .get()
                    .uri("/api/v1/procedures/{code}", code)
                    .retrieve()
                    .body(Procedure.class);
            return procedure == null ? new Procedure(code, code, null, List.of(), List.of()) : procedure;
        } catch (ApiProblemException problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            return new Procedure(code, code, null, List.of(), List.of());
        }
    }

    /** The agency's procedures, for the queue's filter (the catalogue's first 100). */
    List<Procedure> agencyProcedures(String agency) {
        if (agency == null) {
            return List.of();
        }
        Procedures page = publicApi
                .get()
                .uri(uri -> uri.path("/api/v1/procedures")
                        .queryParam("agency", agency)
                        .queryParam("size", 100)
                        .build())
                .retrieve()
                .body(Procedures.class);
        return page == null || page.items() == null ? List.of() : page.items();
    }

    /**
     * Whether the agency is a public administrative service centre, which receives for every agency of its province
     * (identity-service's registry, decision 57). A registry that does not answer counts as "no": the officer then
     * receives for their own agency, as any other.
     */
    boolean serviceCentre(String agency) {
        if (agency == null) {
            return false;
        }
        try {
            RegistryPage centres = publicApi
                    .get()
                    .uri(uri -> uri.path("/api/v1/identity/agencies")
                            .queryParam("serviceCentre", true)
                            .queryParam("size", 100)
                            .build())
                    .retrieve()
                    .body(RegistryPage.class);
            return centres != null
                    && centres.items() != null
                    && centres.items().stream().anyMatch(a -> agency.equals(a.code()));
        } catch (org.springframework.web.client.RestClientException | ApiProblemException e) {
            return false;
        }
    }

    /** At most this many pages of 100 procedures are offered to a centre's officer (a province's catalogue). */
    static final int CENTRE_PAGES = 20;

    /**
     * What a service centre receives: every procedure of the catalogue at each agency of the centre's province (the
     * last part of the agency codes, {@code H26}) that offers it, by procedure then agency.
     */
    List<Offered> provinceOfferings(String centre) {
        String province = centre.substring(centre.lastIndexOf('.'));
        List<Offered> offered = new java.util.ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages && page < CENTRE_PAGES; page++) {
            int p = page;
            OfferedPage answer = publicApi
                    .get()
                    .uri(uri -> uri.path("/api/v1/procedures")
                            .queryParam("size", 100)
                            .queryParam("page", p)
                            .build())
                    .retrieve()
                    .body(OfferedPage.class);
            if (answer == null || answer.items() == null) {
                break;
            }
            for (OfferedSummary s : answer.items()) {
                List<AgencyRef> agencies = s.agencies() == null || s.agencies().isEmpty()
                        ? List.of(new AgencyRef(s.agencyCode(), s.agencyName()))
                        : s.agencies();
                for (AgencyRef a : agencies) {
                    if (a.agencyCode() != null && a.agencyCode().endsWith(province)) {
                        offered.add(new Offered(s.code(), s.name(), s.nameEn(), a.agencyCode(), a.agencyName()));
                    }
                }
            }
            pages = answer.totalPages() == null ? 1 : answer.totalPages();
        }
        return offered;
    }

    List<CalendarDay> calendar(int year) {
        List<CalendarDay> days = publicApi
                .get()
                .uri(uri -> uri.path("/api/v1/calendar/days")
                        .queryParam("year", year)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<CalendarDay>>() {});
        return days == null ? List.of() : days;
    }

    private static Map<String, Object> withoutNulls(ActionRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.reason() != null) {
            body.put("reason", request.reason());
        }
        if (request.note() != null) {
            body.put("note", request.note());
        }
        if (request.newAppointmentDate() != null) {
            body.put("newAppointmentDate", request.newAppointmentDate().toString());
        }
        if (request.targetAgencyCode() != null) {
            body.put("targetAgencyCode", request.targetAgencyCode());
        }
        if (request.missingDocuments() != null && !request.missingDocuments().isEmpty()) {
            body.put("missingDocuments", request.missingDocuments());
        }
        if (request.delivery() != null) {
            Delivery d = request.delivery();
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("method", d.method());
            if (d.collectedByName() != null) {
                delivery.put("collectedByName", d.collectedByName());
            }
            if (d.collectedByNationalId() != null) {
                delivery.put("collectedByNationalId", d.collectedByNationalId());
            }
            if (d.trackingNumber() != null) {
                delivery.put("trackingNumber", d.trackingNumber());
            }
            if (d.postedDate() != null) {
                delivery.put("postedDate", d.postedDate().toString());
            }
            body.put("delivery", delivery);
        }
        return body;
    }
}
