package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * Procedure × agency (issue 14 item 2, decision 52): death registration (1.000656) is offered by two wards. A
 * submission names the ward, each ward numbers its own dossiers, its officers see only theirs, and the report counts
 * each dossier once, in its ward's row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class ProcedureOfferingIT {

    static final String BA_DINH = DossierApi.BA_DINH;
    static final String HOAN_KIEM = "000.00.02.H26";

    @LocalServerPort
    int port;

    DossierApi api() {
        return new DossierApi(port);
    }

    @Test
    void theSameProcedureAtTwoCommunesIsNumberedSeenAndCountedPerCommune() {
        DossierApi api = api();
        String owner = api.citizen("001190009001", 1);
        String baDinhOfficer = api.officer();
        String hoanKiemOfficer = api.issuer.staff("motcua.hoankiem", "OFFICER", HOAN_KIEM);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        int baDinhBefore = received(api, BA_DINH, today);
        int hoanKiemBefore = received(api, HOAN_KIEM, today);

        // the catalogue lists both wards
        String procedure =
                api.service().get("/api/v1/procedures/1.000656", null).body();
        assertThat(JsonPath.parse(procedure).read("$.agencies[*].agencyCode", List.class))
                .containsExactly(BA_DINH, HOAN_KIEM);
        assertThat(api.service()
                        .get("/api/v1/procedures?agency=" + HOAN_KIEM + "&size=100", null)
                        .body())
                .contains("\"1.000656\"");

        // several wards offer it: the submission must say which, and only one of them
        HttpResponse<String> unnamed = api.submit(owner, SubmissionBuilder.aDeathRegistration("Trần Văn Một"));
        assertProblem(unnamed, 422, "dossier-invalid");
        assertThat(JsonPath.parse(unnamed.body()).read("$.errors[*].field", List.class))
                .containsExactly("agencyCode");
        HttpResponse<String> elsewhere = api.submit(
                owner, SubmissionBuilder.aDeathRegistration("Trần Văn Một").at("000.00.11.H26"));
        assertProblem(elsewhere, 422, "dossier-invalid");
        assertThat(elsewhere.body()).contains("agencyCode").contains("000.00.11.H26");

        // each ward numbers its own: Hoàn Kiếm's second dossier follows its first, whatever Ba Đình received between
        String atHoanKiem = submit(api, owner, HOAN_KIEM, "Trần Văn Hai");
        String atBaDinh = submit(api, owner, BA_DINH, "Trần Văn Ba");
        String atHoanKiemAgain = submit(api, owner, HOAN_KIEM, "Trần Văn Bốn");
        String day = today.format(DateTimeFormatter.ofPattern("yyMMdd"));
        assertThat(atHoanKiem).startsWith(HOAN_KIEM + "-" + day + "-");
        assertThat(atBaDinh).startsWith(BA_DINH + "-" + day + "-");
        assertThat(number(atHoanKiemAgain)).isEqualTo(number(atHoanKiem) + 1);

        // each ward's officers see and receive only their own
        String hoanKiemQueue = api.service()
                .get("/api/v1/dossiers?procedure=1.000656&size=100", hoanKiemOfficer)
                .body();
        assertThat(hoanKiemQueue).contains(atHoanKiem, atHoanKiemAgain).doesNotContain(atBaDinh);
        assertThat(api.service()
                        .get("/api/v1/dossiers?procedure=1.000656&size=100", baDinhOfficer)
                        .body())
                .contains(atBaDinh)
                .doesNotContain(atHoanKiem, atHoanKiemAgain);
        assertProblem(api.act(atBaDinh, "receive", hoanKiemOfficer, "{}"), 404, "dossier-not-found");
        assertThat(api.act(atHoanKiem, "receive", hoanKiemOfficer, "{}").statusCode())
                .isEqualTo(200);
        assertThat(api.act(atBaDinh, "receive", baDinhOfficer, "{}").statusCode())
                .isEqualTo(200);
        String view = api.service().get("/api/v1/dossiers/" + atHoanKiem, owner).body();
        assertThat(JsonPath.parse(view).read("$.agencyCode", String.class)).isEqualTo(HOAN_KIEM);

        // the report counts each received dossier once, in its own ward's row
        assertThat(received(api, BA_DINH, today)).isEqualTo(baDinhBefore + 1);
        assertThat(received(api, HOAN_KIEM, today)).isEqualTo(hoanKiemBefore + 1);
    }

    private static String submit(DossierApi api, String owner, String agency, String deceased) {
        HttpResponse<String> response =
                api.submit(owner, SubmissionBuilder.aDeathRegistration(deceased).at(agency));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return DossierApi.field(response.body(), "code");
    }

    private static int number(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }

    /** Civil-status dossiers received online today by {@code agency}, as the open-data report counts them. */
    private static int received(DossierApi api, String agency, LocalDate today) {
        String report = api.service()
                .get("/api/v1/statistics/dossiers?from=" + today + "&to=" + today + "&agency=" + agency, null)
                .body();
        List<Map<String, Object>> rows = JsonPath.parse(report).read("$.rows[?(@.sectorCode == 'HO_TICH')]");
        return rows.stream()
                .peek(row -> assertThat(row).containsEntry("agencyCode", agency))
                .mapToInt(row -> ((Number) row.get("received")).intValue())
                .sum();
    }
}
