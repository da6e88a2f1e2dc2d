package vn.egov.portal.desk;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the officer typed in one walk-in intake (decision 35), kept in the session between the wizard's steps (sealed
 * in PostgreSQL like every session attribute). Its id is the Idempotency-Key of the wizard's single intake (or
 * guidance) call and of its single counter payment, so a second click, a reload or the back button gives the same
 * dossier and the same payment. The scans are not kept: the scans step is the intake call itself.
 */
final class WalkInDraft implements Serializable {

    /** The API's answer to the intake or the guidance ({@code WalkIns.CounterResponse}). */
    record Outcome(
            String code, String status, LocalDate receivedDate, LocalDate dueDate, long feeVnd, String lookupSecret)
            implements Serializable {

        public boolean guided() {
            return "GUIDED".equals(status);
        }
    }

    /** The counter payment payment-service recorded for this wizard's dossier. */
    record Paid(UUID id, long amount, String method, String receiptNumber) implements Serializable {}

    private final UUID id;
    private final Map<String, String> applicant = new LinkedHashMap<>();
    private String procedureCode;
    /** DIRECT (the applicant at the counter) or POSTAL (the dossier came by post): decision 56. */
    private String channel;

    private String caseCode;
    /** The agency that handles it when a service centre receives it for that agency (decision 57); else null. */
    private String agencyCode;

    private final Map<String, String> formData = new LinkedHashMap<>();
    private Outcome outcome;
    private Paid paid;

    WalkInDraft(UUID id) {
        this.id = id;
    }

    UUID id() {
        return id;
    }

    /** nationalId, fullName, dateOfBirth (yyyy-MM-dd), phone, email: the API's {@code applicant}, nulls left out. */
    public Map<String, String> applicant() {
        return applicant;
    }

    boolean hasApplicant() {
        return applicant.get("nationalId") != null;
    }

    public String procedureCode() {
        return procedureCode;
    }

    void procedureCode(String code) {
        if (!code.equals(procedureCode)) {
            formData.clear();
        }
        procedureCode = code;
    }

    public String agencyCode() {
        return agencyCode;
    }

    void agencyCode(String agencyCode) {
        this.agencyCode = agencyCode;
    }

    /** The procedure's case (trường hợp) the applicant is in (decision 58), or null (the procedure has none). */
    public String caseCode() {
        return caseCode;
    }

    void caseCode(String caseCode) {
        this.caseCode = caseCode;
    }

    /** How the dossier reached the desk: DIRECT unless the officer said it came by post. */
    public String channel() {
        return channel == null ? "DIRECT" : channel;
    }

    void channel(String channel) {
        this.channel = channel;
    }

    public Map<String, String> formData() {
        return formData;
    }

    public Outcome outcome() {
        return outcome;
    }

    void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public Paid paid() {
        return paid;
    }

    void paid(Paid paid) {
        this.paid = paid;
    }
}
