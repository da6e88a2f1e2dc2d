package vn.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.assertProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import com.jayway.jsonpath.DocumentContext;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.payment.PaymentExpiredV1;
import vn.egov.contracts.payment.PaymentSucceededV1;
import vn.egov.dossier.calendar.CalendarDays;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.testsupport.PoisonRecords;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformanceTests;
import vn.egov.testsupport.ServiceTestSupport;

/**
 * dossier-service running on a real port against real PostgreSQL and Kafka, with real signed tokens; the checks
 * every service passes (health, metrics, API docs, Flyway, outbox to Kafka, parked events) come from
 * {@link ServiceConformanceTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class DossierServiceIT extends ServiceTestSupport<EventPublisher> {

    DossierServiceIT() {
        super(EventTopics.DOSSIER, EventPublisher::publish);
    }

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CalendarDays calendarDays;

    @Test
    void theTestClockDoesNotExistUnlessEnabled() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String method : java.util.List.of("PUT", "DELETE", "GET")) {
            for (String token : new String[] {null, issuer.citizen("001190000909")}) {
                java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/test/clock"))
                        .header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{\"offset\":\"P3D\"}"));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method + " " + r.body()).isEqualTo(404);
            }
        }
    }

    /**
     * Issue 20: the payment-events listener dead-letters what it cannot read (not JSON, not a CloudEvent, not
     * UTF-8, a tombstone, a payment event without its payment or dossier, a record too large to copy with the
     * dead-letter headers) and handles the next event of the same partition. Its group's committed offset is
     * the proof of progress: whichever dossier-service context of this JVM holds the partition consumed it.
     */
    @Test
    void thePaymentEventsListenerDeadLettersMalformedAndOversizedRecordsAndGoesOn() {
        UUID paymentId = UUID.randomUUID();
        String key = paymentId.toString();
        String code = "000.00.01.H26-261122-" + UUID.randomUUID().toString().substring(0, 8);
        List<PoisonRecords.Poison> poisons = new ArrayList<>(PoisonRecords.malformed(key));
        poisons.add(PoisonRecords.cloudEvent(
                "a payment without its dossier",
                PaymentSucceededV1.TYPE,
                key,
                "{\"paymentId\":\"" + paymentId + "\",\"amountVnd\":25000,\"receiptNumber\":\"BL-2026-000001\"}"));
        poisons.add(PoisonRecords.cloudEvent(
                "an expiry without its payment",
                PaymentExpiredV1.TYPE,
                key,
                "{\"dossierCode\":\"" + code + "\",\"amountVnd\":25000}"));
        poisons.add(PoisonRecords.oversized(key));
        // an expiry of an order no dossier here waits for: handled, no effect
        PoisonRecords.Poison valid = PoisonRecords.cloudEvent(
                "valid",
                PaymentExpiredV1.TYPE,
                key,
                "{\"paymentId\":\"" + paymentId + "\",\"dossierCode\":\"" + code + "\",\"amountVnd\":25000}");

        PoisonRecords.proveDeadLetteredAndGoneOn(
                RealInfrastructure.kafkaBootstrapServers(),
                EventTopics.PAYMENT,
                "dossier-service",
                key,
                poisons,
                valid);
    }

    @Test
    void theCatalogueIsPublicAndSearchableWithoutAccents() {
        HttpResponse<String> r = service().get("/api/v1/procedures?q=dang%20ky%20khai%20sinh", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).read("$.totalItems", Integer.class)).isEqualTo(1);
        assertThat(json(r).read("$.items[*].name", List.class)).containsExactly("Đăng ký khai sinh");
        HttpResponse<String> accented = service()
                .get(
                        "/api/v1/procedures?q="
                                + java.net.URLEncoder.encode("Đăng ký", java.nio.charset.StandardCharsets.UTF_8),
                        null);
        assertThat(json(accented).read("$.items[*].name", List.class)).contains("Đăng ký khai sinh", "Đăng ký kết hôn");
        HttpResponse<String> missing = service().get("/api/v1/procedures/9.999999", null, "Accept-Language", "en");
        assertProblem(missing, 404, "procedure-not-found");
        assertThat(json(missing).read("$.detail", String.class)).contains("9.999999");
    }

    @Test
    void theCalendarIsPublicAndItsAdministratorDeclaresAnnouncedDaysWithTheirSource() {
        HttpResponse<String> year2026 = service().get("/api/v1/calendar/days?year=2026", null);
        assertThat(year2026.statusCode()).isEqualTo(200);
        assertThat(json(year2026).read("$[?(@.day == '2026-02-17')].kind", List.class))
                .containsExactly("HOLIDAY");
        assertThat(json(year2026).read("$[?(@.day == '2026-01-10')].kind", List.class))
                .containsExactly("WORKDAY");

        // far ahead, so that no other test's appointment crosses these days
        LocalDate friday = LocalDate.of(2031, 3, 14);
        LocalDate saturday = friday.plusDays(1);
        String admin = issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);
        String body = "{\"kind\":\"HOLIDAY\",\"name\":\"Ngày nghỉ bù\",\"source\":\"Công văn 1/BNV ngày 01/02/2031\"}";
        assertProblem(
                service()
                        .call(
                                "PUT",
                                "/api/v1/calendar/days/" + friday,
                                issuer.staff("canbo.motcua", "OFFICER", "000.00.01.H26"),
                                body),
                403,
                "forbidden");
        assertThat(service()
                        .call("PUT", "/api/v1/calendar/days/" + friday, null, body)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> invalid = service()
                .call(
                        "PUT",
                        "/api/v1/calendar/days/" + friday,
                        admin,
                        "{\"kind\":\"DAY_OFF\",\"name\":\" \"}",
                        "Accept-Language",
                        "en");
        assertProblem(invalid, 422, "calendar-day-invalid");
        for (String field : List.of("kind", "name", "source")) {
            assertFieldProblem(invalid, 422, "calendar-day-invalid", field);
        }
        assertProblem(
                service().call("PUT", "/api/v1/calendar/days/" + saturday, admin, body),
                422,
                "calendar-day-kind-invalid");
        assertProblem(
                service().call("PUT", "/api/v1/calendar/days/2020-01-02", admin, body),
                409,
                "calendar-day-not-in-future");

        assertThat(calendar.isWorkingDay(friday)).isTrue();
        HttpResponse<String> declared = service().call("PUT", "/api/v1/calendar/days/" + friday, admin, body);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        HttpResponse<String> makeUp = service()
                .call(
                        "PUT",
                        "/api/v1/calendar/days/" + saturday,
                        admin,
                        "{\"kind\":\"WORKDAY\",\"name\":\"Làm bù\",\"source\":\"Công văn 1/BNV ngày 01/02/2031\"}");
        assertThat(makeUp.statusCode()).as(makeUp.body()).isEqualTo(200);
        // this instance's calendar follows at once: appointments computed from now on skip the Friday, count the
        // Saturday
        assertThat(calendar.isWorkingDay(friday)).isFalse();
        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        assertThat(calendar.addWorkingDays(friday.minusDays(1), 1)).isEqualTo(saturday);
        assertThat(json(service().get("/api/v1/calendar/days?year=2031", null))
                        .read("$[?(@.day == '2031-03-14')]", List.class))
                .containsExactly(Map.of(
                        "day", "2031-03-14",
                        "kind", "HOLIDAY",
                        "name", "Ngày nghỉ bù",
                        "source", "Công văn 1/BNV ngày 01/02/2031"));

        // withdrawn (the source is required), and every change kept with who made it and on what authority
        assertProblem(
                service().call("DELETE", "/api/v1/calendar/days/" + saturday, admin, null),
                422,
                "calendar-day-invalid");
        assertThat(service()
                        .call(
                                "DELETE",
                                "/api/v1/calendar/days/" + saturday + "?source=C%C3%B4ng%20v%C4%83n%202",
                                admin,
                                null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(service()
                        .call(
                                "DELETE",
                                "/api/v1/calendar/days/" + friday + "?source=C%C3%B4ng%20v%C4%83n%202",
                                admin,
                                null)
                        .statusCode())
                .isEqualTo(204);
        assertProblem(
                service().call("DELETE", "/api/v1/calendar/days/" + friday + "?source=x", admin, null),
                404,
                "calendar-day-not-found");
        assertThat(calendar.isWorkingDay(friday)).isTrue();
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        HttpResponse<String> changes = service().get("/api/v1/calendar/changes", admin);
        assertThat(changes.statusCode()).isEqualTo(200);
        String actor = UUID.nameUUIDFromBytes("quantri.hethong".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        List<Map<String, Object>> ofFriday = json(changes).read("$[?(@.day == '2031-03-14')]");
        assertThat(ofFriday)
                .as("the Friday declared")
                .anySatisfy(c -> assertThat(c)
                        .containsEntry("oldKind", null)
                        .containsEntry("oldName", null)
                        .containsEntry("newKind", "HOLIDAY")
                        .containsEntry("actorSubject", actor));
        assertThat(ofFriday)
                .as("the Friday withdrawn")
                .anySatisfy(c -> assertThat(c)
                        .containsEntry("oldKind", "HOLIDAY")
                        .containsEntry("oldName", "Ngày nghỉ bù")
                        .containsEntry("newKind", null)
                        .containsEntry("source", "Công văn 2")
                        .containsEntry("actorSubject", actor));
        assertProblem(service().get("/api/v1/calendar/changes", issuer.citizen("001190000909")), 403, "forbidden");
    }

    @Test
    void anotherInstanceTakesOverACalendarChangeOnItsNextRefresh() {
        LocalDate monday = LocalDate.of(2031, 3, 17);
        // what another instance does: the row and its change record, straight in the shared database
        jdbc.sql("insert into calendar_day (day, kind, name, source) values (?, 'HOLIDAY', 'Nghỉ', 'test')")
                .param(monday)
                .update();
        jdbc.sql(
                        "insert into calendar_day_change (day, new_kind, new_name, source, actor_subject) values (?, 'HOLIDAY', 'Nghỉ', 'test', 'other')")
                .param(monday)
                .update();
        try {
            assertThat(calendar.isWorkingDay(monday))
                    .as("not before the refresh")
                    .isTrue();
            calendarDays.refreshIfChanged();
            assertThat(calendar.isWorkingDay(monday)).isFalse();
        } finally {
            jdbc.sql("delete from calendar_day where day = ?").param(monday).update();
            jdbc.sql(
                            "insert into calendar_day_change (day, old_kind, source, actor_subject) values (?, 'HOLIDAY', 'test', 'other')")
                    .param(monday)
                    .update();
            calendarDays.refreshIfChanged();
        }
        assertThat(calendar.isWorkingDay(monday)).isTrue();
    }

    @Test
    void dossierListsNeedATokenAndShowOnlyOwnOrOwnAgency() {
        jdbc.sql(
                        "insert into dossier (id, code, procedure_code, agency_code, applicant_subject, status, submitted_at) values (?, ?, ?, ?, ?, ?, now())")
                .params(
                        UUID.randomUUID(),
                        "000.00.01.H26-261122-9001",
                        "1.001193",
                        "000.00.01.H26",
                        "subject-of-an",
                        "SUBMITTED")
                .update();
        String an = issuer.token(
                c -> c.subject("subject-of-an").claim("realm_access", Map.of("roles", java.util.List.of("CITIZEN"))));
        service().assertProtected("/api/v1/dossiers", an);
        String code = "000.00.01.H26-261122-9001";
        assertThat(codesListedFor(an)).contains(code);
        DocumentContext stranger = json(service().get("/api/v1/dossiers", issuer.citizen("001090099999")));
        assertThat(stranger.read("$.items[*].code", List.class)).doesNotContain(code);
        assertThat(stranger.read("$.totalItems", Integer.class)).isZero();
        assertThat(codesListedFor(issuer.staff("canbo.motcua", "OFFICER", "000.00.01.H26")))
                .contains(code);
        assertThat(codesListedFor(issuer.staff("canbo.khac", "OFFICER", "000.00.02.H26")))
                .doesNotContain(code);
    }

    @Test
    void anAgencyQueueOfMoreThanAThousandCountsAThousandAndSaysThereAreMoreStillSortedByDueDate() {
        // an agency of its own, so the other tests' dossiers do not count
        String agency = "000.00.99.T" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_subject, status, submitted_at, due_date)
                        select gen_random_uuid(), :agency || '-' || n, '1.001193', :agency, 'subject-' || n, 'RECEIVED',
                               now() - n * interval '1 minute', date '2027-01-01' + (n % 30)
                          from generate_series(1, 1050) n""").param("agency", agency).update();
        try {
            DocumentContext page =
                    json(service().get("/api/v1/dossiers", issuer.staff("canbo.dem", "OFFICER", agency)));
            assertThat(page.read("$.totalItems", Integer.class)).isEqualTo(1_000);
            assertThat(page.read("$.totalCapped", Boolean.class)).isTrue();
            assertThat(page.read("$.totalPages", Integer.class)).isEqualTo(50);
            List<String> due = page.read("$.items[*].dueDate");
            assertThat(due).hasSize(20).isSorted().allMatch("2027-01-01"::equals);

            // below the cap the count is exact and says so
            DocumentContext few = json(service()
                    .get("/api/v1/dossiers?dueBefore=2027-01-02", issuer.staff("canbo.dem", "OFFICER", agency)));
            assertThat(few.read("$.totalItems", Integer.class)).isEqualTo(70);
            assertThat(few.read("$.totalCapped", Boolean.class)).isFalse();
        } finally {
            jdbc.sql("delete from dossier where agency_code = ?").param(agency).update();
        }
    }

    @Test
    void theOpenQueueListsWhatTheAgencyStillHasToActOnByDueDateThenSubmission() {
        String agency = "000.00.98.T" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
        // one dossier per status; due dates in reverse order of the statuses, and two that share a due date
        List<String> statuses = List.of(
                "AWAITING_PAYMENT",
                "SUBMITTED",
                "TRANSFERRED",
                "RECEIVED",
                "IN_PROCESSING",
                "AWAITING_SUPPLEMENT",
                "RESOLVED",
                "POSTED",
                "RESULT_RETURNED",
                "REJECTED",
                "WITHDRAWN",
                "STOPPED",
                "GUIDED");
        for (int i = 0; i < statuses.size(); i++) {
            jdbc.sql("""
                            insert into dossier (id, code, procedure_code, agency_code, applicant_subject, status,
                                                 submitted_at, due_date)
                            values (gen_random_uuid(), :code, '1.001193', :agency, 'subject', :status,
                                    now() - :minutes * interval '1 minute', date '2027-03-01' - :days)""")
                    .param("code", agency + "-" + statuses.get(i))
                    .param("agency", agency)
                    .param("status", statuses.get(i))
                    // RECEIVED and IN_PROCESSING share a due date: the one submitted first comes first
                    .param("minutes", statuses.get(i).equals("IN_PROCESSING") ? 60 : 1)
                    .param("days", statuses.get(i).equals("IN_PROCESSING") ? statuses.size() - 3 : statuses.size() - i)
                    .update();
        }
        try {
            String officer = issuer.staff("canbo.mo", "OFFICER", agency);
            DocumentContext open = json(service().get("/api/v1/dossiers?status=OPEN", officer));
            assertThat(open.read("$.items[*].status", List.class))
                    .containsExactly(
                            "SUBMITTED",
                            "TRANSFERRED",
                            "IN_PROCESSING",
                            "RECEIVED",
                            "AWAITING_SUPPLEMENT",
                            "RESOLVED",
                            "POSTED");
            assertThat(open.read("$.totalItems", Integer.class)).isEqualTo(7);
            // open and overdue together: the filters combine
            assertThat(json(service()
                                    .get(
                                            "/api/v1/dossiers?status=OPEN&procedure=1.001193&dueBefore=2026-01-01",
                                            officer))
                            .read("$.totalItems", Integer.class))
                    .isZero();
            // no status: every one of them, in the same order
            assertThat(json(service().get("/api/v1/dossiers?size=50", officer)).read("$.totalItems", Integer.class))
                    .isEqualTo(statuses.size());
            // one status
            assertThat(json(service().get("/api/v1/dossiers?status=STOPPED", officer))
                            .read("$.items[*].code", List.class))
                    .containsExactly(agency + "-STOPPED");
        } finally {
            jdbc.sql("delete from dossier where agency_code = ?").param(agency).update();
        }
    }

    /** The codes of the dossiers {@code GET /api/v1/dossiers} lists for this token (its first page). */
    List<String> codesListedFor(String token) {
        HttpResponse<String> list = service().get("/api/v1/dossiers", token);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return json(list).read("$.items[*].code");
    }
}
