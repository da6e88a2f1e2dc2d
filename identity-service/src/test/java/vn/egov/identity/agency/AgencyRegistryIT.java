package vn.egov.identity.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.jayway.jsonpath.DocumentContext;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;
import vn.egov.testsupport.TestIssuer;

/**
 * The agency registry owns the agencies' working hours (decision 60): who may change them, every bad field named,
 * the change recorded with who and when and published as {@code vn.egov.identity.agency-changed.v1} in the same
 * transaction; its receipt series, unique in the registry; every changed agency announced again. Same Spring context
 * as {@code IdentityServiceIT} (signed test tokens, real PostgreSQL and Kafka).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class AgencyRegistryIT {

    private static final String WARD = "000.00.02.H26";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Agencies agencies;

    final TestIssuer issuer = TestIssuer.shared();

    ServiceConformance service() {
        return new ServiceConformance(port);
    }

    @Test
    void aSystemAdministratorSetsAnAgencysWorkingHoursRecordedAndPublished() {
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        long before = version(WARD);
        HttpResponse<String> set = service()
                .call(
                        "PUT",
                        "/api/v1/identity/agencies/" + WARD + "/working-hours",
                        admin,
                        "{\"periods\":\"08:00-12:00, 13:00-17:30\",\"source\":\" Thông báo 12/TB-UBND về giờ làm việc \"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        DocumentContext agency = json(set);
        assertThat(agency.read("$.workingHours", String.class)).isEqualTo("08:00-12:00,13:00-17:30");
        assertThat(agency.read("$.workingHoursSource", String.class)).isEqualTo("Thông báo 12/TB-UBND về giờ làm việc");
        assertThat(agency.read("$.version", Long.class)).isEqualTo(before + 1);

        // the public list says it
        HttpResponse<String> list = service().get("/api/v1/identity/agencies?level=COMMUNE", null);
        assertThat(json(list).read("$.items[?(@.code == '" + WARD + "')].workingHours", List.class))
                .containsExactly("08:00-12:00,13:00-17:30");
        assertThat(json(list).read("$.items[?(@.code == '000.00.01.H26')].workingHours", List.class))
                .hasSize(1);

        // and the agency alone, to anyone signed in
        String someone = issuer.citizen("001090012345");
        HttpResponse<String> one = service().get("/api/v1/identity/agencies/" + WARD, someone);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one).read("$.workingHours", String.class)).isEqualTo("08:00-12:00,13:00-17:30");
        assertThat(json(one).read("$.receiptSeries", String.class)).isNotBlank();
        assertThat(service().get("/api/v1/identity/agencies/" + WARD, null).statusCode())
                .isEqualTo(401);
        assertProblem(service().get("/api/v1/identity/agencies/000.00.99.H99", someone), 404, "not-found");
        assertProblem(service().get("/api/v1/identity/agencies/" + "9".repeat(41), someone), 404, "not-found");

        // who changed what, and when
        Map<String, Object> change = jdbc.sql("select old_value, new_value, changed_by, source from agency_change"
                        + " where agency_code = ? and version = ?")
                .params(WARD, before + 1)
                .query()
                .singleRow();
        assertThat(change)
                .containsEntry("new_value", "08:00-12:00,13:00-17:30")
                .containsEntry("changed_by", subjectOf("quantri.hethong"))
                .containsEntry("source", "Thông báo 12/TB-UBND về giờ làm việc");
        assertThat(change.get("old_value")).isNotNull();

        // the event, in the outbox of the same transaction, keyed by the agency
        String payload = jdbc.sql("select payload from outbox_event where event_type = ? and event_key = ?"
                        + " order by seq desc limit 1")
                .params("vn.egov.identity.agency-changed.v1", WARD)
                .query(String.class)
                .single();
        DocumentContext event = json(payload);
        assertThat(event.read("$.source", String.class)).isEqualTo("/identity-service");
        assertThat(event.read("$.data.workingHours", String.class)).isEqualTo("08:00-12:00,13:00-17:30");
        assertThat(event.read("$.data.version", Long.class)).isEqualTo(before + 1);
        assertThat(event.read("$.data.name", String.class)).isEqualTo("Ủy ban nhân dân phường Hoàn Kiếm");
    }

    @Test
    void onlyASystemAdministratorOrTheAgencysOwnAdministratorMayAndBadValuesAreNamedFieldByField() {
        String path = "/api/v1/identity/agencies/000.00.01.H26/working-hours";
        String body = "{\"periods\":\"07:30-11:30,13:30-17:00\",\"source\":\"Quyết định 5/QĐ-UBND\"}";
        assertThat(service().call("PUT", path, null, body).statusCode()).isEqualTo(401);
        assertProblem(
                service().call("PUT", path, issuer.staff("canbo.motcua", "OFFICER", "000.00.01.H26"), body),
                403,
                "forbidden");
        assertProblem(service().call("PUT", path, issuer.citizen("001090012345"), body), 403, "forbidden");
        String ownAdmin = issuer.staff("quantri.coquan", "AGENCY_ADMIN", "000.00.01.H26");
        assertProblem(
                service().call("PUT", "/api/v1/identity/agencies/" + WARD + "/working-hours", ownAdmin, body),
                403,
                "forbidden");
        HttpResponse<String> own = service().call("PUT", path, ownAdmin, body);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);

        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        long before = version("000.00.01.H26");
        HttpResponse<String> bad = service().call("PUT", path, admin, "{\"periods\":\"13:00-17:30,08:00-12:00\"}");
        assertProblem(bad, 422, "working-hours-invalid");
        assertThat(json(bad).read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("periods", "source");
        assertThat(json(bad).read("$.errors[?(@.field == 'periods')].code", List.class))
                .containsExactly("working-hours-order");
        HttpResponse<String> seconds = service()
                .call("PUT", path, admin, "{\"periods\":\"08:00:30-12:00\",\"source\":\"x\"}", "Accept-Language", "en");
        assertProblem(seconds, 422, "working-hours-invalid");
        assertThat(json(seconds).read("$.errors[0].message", String.class)).startsWith("Write working hours as");
        HttpResponse<String> hour25 =
                service().call("PUT", path, admin, "{\"periods\":\"08:00-25:00\",\"source\":\"x\"}");
        assertThat(json(hour25).read("$.errors[0].code", String.class)).isEqualTo("working-hours-format");
        HttpResponse<String> tooLong = service()
                .call("PUT", path, admin, "{\"periods\":\"08:00-12:00\",\"source\":\"" + "x".repeat(301) + "\"}");
        assertProblem(tooLong, 422, "working-hours-invalid");
        assertThat(json(tooLong).read("$.errors[0].field", String.class)).isEqualTo("source");
        // nothing of the refused ones was written
        assertThat(version("000.00.01.H26")).isEqualTo(before);

        assertProblem(
                service().call("PUT", "/api/v1/identity/agencies/000.00.99.H99/working-hours", admin, body),
                404,
                "not-found");
    }

    @Test
    void theAgencysReceiptSeriesIsItsOwnUntilAnotherIsRegisteredAndNeverAnotherAgencys() {
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        String province = "000.00.10.H26";
        String path = "/api/v1/identity/agencies/" + province + "/receipt-series";
        // the migration gave every agency its code as series: the numbers payment-service gave so far
        assertThat(jdbc.sql("select count(*) from agency where receipt_series <> code and version = 0")
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> bad =
                service().call("PUT", path, admin, "{\"series\":\"BL/26\",\"source\":\"" + "x".repeat(301) + "\"}");
        assertProblem(bad, 422, "receipt-series-invalid");
        assertThat(json(bad).read("$.errors[*].code", List.class))
                .containsExactlyInAnyOrder("receipt-series-format", "Size");
        // another agency's series: 409, named on the field
        HttpResponse<String> taken =
                service().call("PUT", path, admin, "{\"series\":\"000.00.11.H26\",\"source\":\"Quyết định 7/QĐ-SXD\"}");
        assertProblem(taken, 409, "receipt-series-taken");
        assertThat(json(taken).read("$.errors[0].field", String.class)).isEqualTo("series");
        assertProblem(
                service()
                        .call(
                                "PUT",
                                path,
                                issuer.staff("quantri.coquan", "AGENCY_ADMIN", "000.00.01.H26"),
                                "{\"series\":\"SXD-26E\",\"source\":\"x\"}"),
                403,
                "forbidden");

        HttpResponse<String> set = service()
                .call(
                        "PUT",
                        path,
                        admin,
                        "{\"series\":\" SXD-26E \",\"source\":\"Quyết định 7/QĐ-SXD về biên lai điện tử\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set).read("$.receiptSeries", String.class)).isEqualTo("SXD-26E");
        assertThat(set.body()).doesNotContain("updatedBy");
        long version = json(set).read("$.version", Long.class);
        String payload = jdbc.sql("select payload from outbox_event where event_type = ? and event_key = ?"
                        + " order by seq desc limit 1")
                .params("vn.egov.identity.agency-changed.v1", province)
                .query(String.class)
                .single();
        assertThat(json(payload).read("$.data.receiptSeries", String.class)).isEqualTo("SXD-26E");
        assertThat(json(payload).read("$.data.version", Long.class)).isEqualTo(version);
        assertThat(jdbc.sql("select field from agency_change where agency_code = ? and version = ?")
                        .params(province, version)
                        .query(String.class)
                        .single())
                .isEqualTo("receiptSeries");
    }

    @Test
    void everyChangedAgencyIsAnnouncedAgainWithItsVersionAndNoOtherIs() {
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        assertThat(service()
                        .call(
                                "PUT",
                                "/api/v1/identity/agencies/000.00.12.H26/working-hours",
                                admin,
                                "{\"periods\":\"07:30-11:30,13:30-17:00\",\"source\":\"Thông báo 3/TB-STC\"}")
                        .statusCode())
                .isEqualTo(200);
        long before = jdbc.sql("select coalesce(max(seq), 0) from outbox_event")
                .query(Long.class)
                .single();

        agencies.announceAgain();

        List<String> announced = jdbc.sql("select event_key from outbox_event where seq > ? and event_type = ?")
                .params(before, "vn.egov.identity.agency-changed.v1")
                .query(String.class)
                .list();
        List<String> changed = jdbc.sql("select code from agency where active and version > 0")
                .query(String.class)
                .list();
        assertThat(announced).containsExactlyInAnyOrderElementsOf(changed).contains("000.00.12.H26");
        String payload = jdbc.sql("select payload from outbox_event where seq > ? and event_key = '000.00.12.H26'")
                .param(before)
                .query(String.class)
                .single();
        assertThat(json(payload).read("$.data.version", Long.class))
                .isEqualTo(jdbc.sql("select version from agency where code = '000.00.12.H26'")
                        .query(Long.class)
                        .single());
        assertThat(json(payload).read("$.data.changedBy", String.class)).isEqualTo(subjectOf("quantri.hethong"));
    }

    private long version(String code) {
        return jdbc.sql("select version from agency where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    private static String subjectOf(String username) {
        return java.util
                .UUID
                .nameUUIDFromBytes(username.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
