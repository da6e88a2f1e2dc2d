package vn.egov.dossier.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.dossier.SubmissionBuilder.aSubmission;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.egov.dossier.dossier.DossierApi;
import vn.egov.dossier.dossier.IdentityServiceStub;
import vn.egov.dossier.intake.Uploads;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * Personal data at rest, read straight from the tables: after a submission neither the form's values
 * (a child's name, a national id number typed in a form, a prefilled name) nor the documents' bytes are
 * in the database in clear, while the API still returns them; rows written in clear before this change
 * are still served and get sealed by the start-up sweep. A database of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.test.database=dossier_at_rest", "egov.dossier.reseal-on-start=false"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class DataAtRestIT {

    static final IdentityServiceStub IDENTITY = new IdentityServiceStub();
    static final String PARTNER_ID = "001190077777";
    static final String PARTNER = "Phạm Thị Kín Đáo";
    static final String APPLICANT = "Đặng Văn Riêng Tư";
    static final String CHILD = "Vũ Bảo Ngọc Bí Mật";
    /** a real-looking PDF carrying a personal value of its own */
    static final byte[] CERTIFICATE = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "% Giay xac nhan tinh trang hon nhan: CCCD 079190055555, Hoang Van Tuyet Mat\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    static {
        IDENTITY.start();
    }

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("egov.dossier.identity.base-url", IDENTITY::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LegacyDataResealer resealer;

    DossierApi api() {
        return new DossierApi(port);
    }

    String submitMarriage(String token) {
        HttpResponse<String> r = api().submit(
                        token,
                        aSubmission("1.000894")
                                .with("partnerName", PARTNER)
                                .with("partnerNationalId", PARTNER_ID)
                                .with("partnerDateOfBirth", "1991-02-03")
                                .withDocument("TO_KHAI", "to-khai.pdf", "application/pdf", DossierApi.PDF)
                                .withDocument("XAC_NHAN_HON_NHAN", "xac-nhan.pdf", "application/pdf", CERTIFICATE));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return DossierApi.field(r.body(), "code");
    }

    /** Every byte the dossier's row and its documents' rows hold, as text in the encodings a value could take. */
    String rawDatabase(String code) {
        StringBuilder all = new StringBuilder();
        jdbc.sql("select * from dossier where code = ?").param(code).query(rs -> {
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                byte[] raw = rs.getBytes(c);
                if (raw != null) {
                    all.append(new String(raw, StandardCharsets.UTF_8))
                            .append(new String(raw, StandardCharsets.ISO_8859_1));
                }
            }
        });
        // nor what travels with it: history details, outbox events
        jdbc.sql(
                        "select coalesce(details::text, '') from dossier_history where dossier_id = (select id from dossier where code = ?)")
                .param(code)
                .query(String.class)
                .list()
                .forEach(all::append);
        jdbc.sql("select payload from outbox_event where event_key = ?")
                .param(code)
                .query(String.class)
                .list()
                .forEach(all::append);
        jdbc.sql("""
                select dc.content from document_content dc join dossier_document dd on dd.id = dc.document_id
                join dossier d on d.id = dd.dossier_id where d.code = ?""").param(code).query(rs -> {
            byte[] raw = rs.getBytes(1);
            all.append(new String(raw, StandardCharsets.ISO_8859_1)).append('\n');
        });
        return all.toString();
    }

    byte[] download(String code, String documentId, String token) throws Exception {
        HttpResponse<byte[]> r = DossierApi.HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/dossiers/" + code + "/documents/" + documentId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    List<Map<String, Object>> documents(String code) {
        return jdbc.sql("""
                select dd.id, dd.file_name, dd.sha256 from dossier_document dd join dossier d on d.id = dd.dossier_id
                where d.code = ? order by dd.file_name""").param(code).query().listOfRows();
    }

    @Test
    void theDatabaseHoldsNoPersonalValueAndNoDocumentInClearWhileTheApiReturnsThem() throws Exception {
        String token = api().citizen("001090000101", 2);
        IDENTITY.profile(
                token, "{\"fullName\":\"" + APPLICANT + "\",\"dateOfBirth\":\"1990-04-05\",\"businesses\":[]}");
        String marriage = submitMarriage(token);
        String birth = DossierApi.field(api().submitBirth(token, CHILD).body(), "code");

        String raw = rawDatabase(marriage) + rawDatabase(birth);
        assertThat(raw)
                .doesNotContain(
                        PARTNER,
                        PARTNER_ID,
                        APPLICANT,
                        CHILD,
                        "1991-02-03",
                        "1990-04-05",
                        "Bệnh viện Phụ sản",
                        "079190055555",
                        "Tuyet Mat",
                        "%PDF",
                        "Catalog",
                        "IHDR");
        assertThat(jdbc.sql("select form_data::text from dossier where code in (?, ?)")
                        .params(marriage, birth)
                        .query(String.class)
                        .list())
                .containsOnly("{}");
        assertThat(jdbc.sql("select count(*) from dossier where code in (?, ?) and data_key_id = 'k1'")
                        .params(marriage, birth)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from document_content dc join dossier_document dd on dd.id = dc.document_id
                join dossier d on d.id = dd.dossier_id where d.code in (?, ?) and dc.data_key_id = 'k1'""").params(marriage, birth).query(Long.class).single())
                .isEqualTo(4);

        // the owner and the officer still read everything
        assertThat(api().service().get("/api/v1/dossiers/" + marriage, token).body())
                .contains(
                        "\"partnerName\":\"" + PARTNER + "\"",
                        "\"partnerNationalId\":\"" + PARTNER_ID + "\"",
                        "\"applicantName\":\"" + APPLICANT + "\"",
                        "\"applicantDateOfBirth\":\"1990-04-05\"");
        assertThat(api().service()
                        .get("/api/v1/dossiers/" + birth, api().officer())
                        .body())
                .contains("\"childName\":\"" + CHILD + "\"", "Bệnh viện Phụ sản Hà Nội");
        List<Map<String, Object>> marriageDocuments = documents(marriage);
        Map<String, Object> certificate = marriageDocuments.get(marriageDocuments.size() - 1);
        assertThat(certificate.get("file_name")).isEqualTo("xac-nhan.pdf");
        assertThat(download(marriage, certificate.get("id").toString(), token)).isEqualTo(CERTIFICATE);
        // the digest stays the plaintext's (ETag, once-only store de-duplication)
        assertThat(certificate.get("sha256")).isEqualTo(Uploads.sha256(CERTIFICATE));
        // the citizen's document store opens it too
        assertThat(api().service()
                        .get("/api/v1/documents/" + certificate.get("id"), token)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void rowsWrittenInClearBeforeThisChangeStillReadAndAreSealedByTheSweep() throws Exception {
        String token = api().citizen("001090000102", 2);
        String code = submitMarriage(token);
        UUID id = jdbc.sql("select id from dossier where code = ?")
                .param(code)
                .query(UUID.class)
                .single();
        List<Map<String, Object>> documents = documents(code);
        // the row as the previous version wrote it: form in clear, no sealed column; documents' bytes in clear
        String clearForm = "{\"partnerName\":\"" + PARTNER + "\",\"partnerNationalId\":\"" + PARTNER_ID
                + "\",\"partnerDateOfBirth\":\"1991-02-03\",\"applicantName\":\"" + APPLICANT
                + "\",\"applicantDateOfBirth\":\"1990-04-05\"}";
        jdbc.sql("update dossier set form_data = ?::jsonb, form_data_sealed = null, data_key_id = null where id = ?")
                .params(clearForm, id)
                .update();
        for (Map<String, Object> doc : documents) {
            byte[] clear = "xac-nhan.pdf".equals(doc.get("file_name")) ? CERTIFICATE : DossierApi.PDF;
            jdbc.sql("update document_content set content = ?, data_key_id = null where document_id = ?")
                    .params(clear, doc.get("id"))
                    .update();
        }
        assertThat(rawDatabase(code)).contains(PARTNER_ID, "Tuyet Mat");

        // served as they are meanwhile
        assertThat(api().service().get("/api/v1/dossiers/" + code, token).body())
                .contains("\"partnerNationalId\":\"" + PARTNER_ID + "\"", "\"applicantName\":\"" + APPLICANT + "\"");
        String certificateId = documents.get(documents.size() - 1).get("id").toString();
        assertThat(download(code, certificateId, token)).isEqualTo(CERTIFICATE);

        LegacyDataResealer.Resealed done = resealer.resealAll();
        assertThat(done.forms()).isGreaterThanOrEqualTo(1);
        assertThat(done.documents()).isGreaterThanOrEqualTo(2);
        assertThat(rawDatabase(code))
                .doesNotContain(PARTNER, PARTNER_ID, APPLICANT, "1991-02-03", "079190055555", "Tuyet Mat", "%PDF");
        assertThat(jdbc.sql("select form_data::text from dossier where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("{}");
        assertThat(api().service().get("/api/v1/dossiers/" + code, token).body())
                .contains("\"partnerNationalId\":\"" + PARTNER_ID + "\"", "\"applicantName\":\"" + APPLICANT + "\"");
        assertThat(download(code, certificateId, token)).isEqualTo(CERTIFICATE);

        // idempotent: nothing left to do
        assertThat(resealer.resealAll()).isEqualTo(new LegacyDataResealer.Resealed(0, 0));
    }
}
