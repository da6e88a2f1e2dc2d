package vn.egov.dossier.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.dossier.dossier.DossierLifecycleIT.Part;

/**
 * A citizen's submission for tests, as the multipart request carries it: the {@code dossier} JSON part (procedure,
 * form data, the documents it lists) and the files attached. The {@code a…} factories give a valid submission of
 * a catalogue procedure; the {@code with…} methods change one thing, so that a test shows only what it is about:
 *
 * <pre>{@code
 * api.submit(token, aBirthRegistration("Nguyễn Văn An").with("childSex", "X"));
 * }</pre>
 */
public final class SubmissionBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String procedureCode;
    private String agencyCode;
    private String caseCode;
    private String businessTaxCode;
    private final Map<String, Object> formData = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> documents = new LinkedHashMap<>();
    private final Map<String, Part> files = new LinkedHashMap<>();

    private SubmissionBuilder(String procedureCode) {
        this.procedureCode = procedureCode;
    }

    /** A submission of {@code procedureCode} with no form data and no documents yet. */
    public static SubmissionBuilder aSubmission(String procedureCode) {
        return new SubmissionBuilder(procedureCode);
    }

    /** Birth registration (1.001193, zero fee, Ba Đình) by the mother, with the form (PDF) and the certificate (PNG). */
    public static SubmissionBuilder aBirthRegistration(String childName) {
        return aSubmission("1.001193")
                .with("childName", childName)
                .with("childDateOfBirth", "2026-11-01")
                .with("childSex", "MALE")
                .with("placeOfBirth", "Bệnh viện Phụ sản Hà Nội")
                .with("relationship", "MOTHER")
                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierLifecycleIT.PDF)
                .withDocument("GIAY_CHUNG_SINH", "giay-chung-sinh.png", "image/png", DossierLifecycleIT.PNG);
    }

    /** Judicial record certificate (3.000333, paid, level 2): {@code applicantCategory} sets the fee. */
    public static SubmissionBuilder aJudicialRecordRequest(String applicantCategory) {
        return aSubmission("3.000333")
                .with("applicantCategory", applicantCategory)
                .with("purpose", "Xin việc")
                .with("copies", 1)
                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierLifecycleIT.PDF);
    }

    /** Marriage status confirmation (1.004873, which both wards offer) at Hoàn Kiếm. */
    public static SubmissionBuilder aMarriageStatusConfirmation() {
        return aSubmission("1.004873")
                .at("000.00.02.H26")
                .with("purpose", "Kết hôn")
                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierLifecycleIT.PDF);
    }

    /** Building permit (1.013225) for a business the citizen represents. */
    public static SubmissionBuilder aBuildingPermit(String businessTaxCode) {
        return aSubmission("1.013225")
                .forBusiness(businessTaxCode)
                .with("landPlotNumber", "Thửa 12, tờ bản đồ 5")
                .with("floorArea", 180)
                .with("floors", 3)
                .withDocument("DON_DE_NGHI", "don.pdf", "application/pdf", DossierLifecycleIT.PDF)
                .withDocument("GIAY_TO_DAT", "dat.pdf", "application/pdf", DossierLifecycleIT.PDF)
                .withDocument("BAN_VE", "ban-ve.pdf", "application/pdf", DossierLifecycleIT.PDF);
    }

    /** Death registration (1.000656, same day, offered by both wards): name the agency with {@link #at}. */
    public static SubmissionBuilder aDeathRegistration(String deceasedName) {
        return aSubmission("1.000656")
                .with("deceasedName", deceasedName)
                .with("dateOfDeath", "2026-11-01")
                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierLifecycleIT.PDF)
                .withDocument("GIAY_BAO_TU", "giay-bao-tu.png", "image/png", DossierLifecycleIT.PNG);
    }

    /** The procedure's case the dossier is for ({@code caseCode}); null leaves it out. */
    public SubmissionBuilder inCase(String caseCode) {
        this.caseCode = caseCode;
        return this;
    }

    /** The agency the dossier is submitted to ({@code agencyCode}); null leaves it out. */
    public SubmissionBuilder at(String agencyCode) {
        this.agencyCode = agencyCode;
        return this;
    }

    /** A form field's value (a string, a number, a boolean…), replacing the factory's. */
    public SubmissionBuilder with(String field, Object value) {
        formData.put(field, value);
        return this;
    }

    public SubmissionBuilder without(String field) {
        formData.remove(field);
        return this;
    }

    /** The applicant is this business, which the citizen says they represent. */
    public SubmissionBuilder forBusiness(String taxCode) {
        this.businessTaxCode = taxCode;
        return this;
    }

    /** A document listed for {@code requirementCode} and its file attached (replacing the factory's). */
    public SubmissionBuilder withDocument(String requirementCode, String fileName, String contentType, byte[] content) {
        documents.put(requirementCode, document(requirementCode, "fileName", fileName));
        files.put(requirementCode, Part.file(fileName, contentType, content));
        return this;
    }

    /** The document for {@code requirementCode} is one from the citizen's store: listed by id, no file attached. */
    public SubmissionBuilder withStoredDocument(String requirementCode, String storedDocumentId) {
        documents.put(
                requirementCode, Map.of("requirementCode", requirementCode, "storedDocumentId", storedDocumentId));
        files.remove(requirementCode);
        return this;
    }

    private static Map<String, String> document(String requirementCode, String key, String value) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("requirementCode", requirementCode);
        document.put(key, value);
        return document;
    }

    /** The {@code dossier} part's JSON. */
    public String json() {
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("procedureCode", procedureCode);
        if (caseCode != null) {
            dossier.put("caseCode", caseCode);
        }
        if (agencyCode != null) {
            dossier.put("agencyCode", agencyCode);
        }
        if (businessTaxCode != null) {
            dossier.put("applicantBusinessTaxCode", businessTaxCode);
        }
        dossier.put("formData", formData);
        dossier.put("documents", List.copyOf(documents.values()));
        return JSON.writeValueAsString(dossier);
    }

    /** The multipart request's parts: the {@code dossier} JSON, then the files. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.json("dossier", json()));
        parts.addAll(files.values());
        return parts;
    }
}
