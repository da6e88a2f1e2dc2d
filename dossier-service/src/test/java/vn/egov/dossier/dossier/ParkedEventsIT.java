package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.egov.testsupport.ServiceConformance.assertProblem;

import com.jayway.jsonpath.DocumentContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;
import vn.egov.testsupport.RealInfrastructure;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * Issue 20's wedge, in dossier-service's own database: an event Kafka refuses (1.2 MB, above the producer's
 * max.request.size, forced into the outbox as a withdrawal with a huge reason would have written it) is parked;
 * another dossier's events keep reaching Kafka; the later event of the same dossier waits behind it; the
 * operator sees it (admin endpoint, metric, health details, readiness unaffected), retries and discards it,
 * and the held event goes on.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.test.database=dossier_parking", "egov.events.monitor-interval=500ms"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class ParkedEventsIT {

    static final String PARKED = "/api/v1/admin/events/parked";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOversizedEventIsParkedWhileOtherDossiersEventsKeepFlowingAndOperatorsHandleIt() throws Exception {
        DossierApi api = new DossierApi(port);
        ServiceConformance service = api.service();
        String kafka = RealInfrastructure.kafkaBootstrapServers();
        String admin = api.issuer.staff("quantri.hethong", "SYSTEM_ADMIN", null);

        // a dossier whose next event cannot be sent
        String wedged = DossierApi.field(
                api.submitBirth(api.citizen("001190020001", 1), "Lê Văn Chặn").body(), "code");
        await().atMost(Duration.ofSeconds(60)).until(() -> published(wedged, DossierLifecycleEventV1.SUBMITTED));
        String oversized = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into outbox_event (event_id, topic, event_key, event_type, payload)
                values (?::uuid, ?, ?, ?, '{"specversion":"1.0","type":"vn.egov.dossier.withdrawn.v1","data":{"reason":"'
                        || repeat('x', 1200000) || '"}}')""")
                .params(oversized, EventTopics.DOSSIER, wedged, DossierLifecycleEventV1.WITHDRAWN)
                .update();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> column(oversized, "parked_at").isPresent());
        assertThat(column(oversized, "last_error"))
                .hasValueSatisfying(e -> assertThat((String) e).contains("RecordTooLargeException", "1048576"));

        // the same dossier's next event waits behind it …
        assertThat(api.act(wedged, "receive", api.officer(), "{}").statusCode()).isEqualTo(200);
        // … while another citizen's new dossier is announced as ever
        String flowing = DossierApi.field(
                api.submitBirth(api.citizen("001190020002", 1), "Lê Thị Chảy").body(), "code");
        assertThat(ServiceConformance.readTopic(
                        kafka, EventTopics.DOSSIER, "\"subject\":\"" + flowing + "\"", Duration.ofSeconds(60)))
                .as("another dossier's event on Kafka")
                .isNotEmpty();
        String held = jdbc.sql("select event_id::text from outbox_event where event_key = ? and event_type = ?")
                .params(wedged, DossierLifecycleEventV1.RECEIVED)
                .query(String.class)
                .single();
        // held behind the parked event: still unsent a while later (the relay runs every few hundred ms)
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> column(held, "published_at").isEmpty());
        assertThat(column(held, "parked_at")).isEmpty();

        // operators: only SYSTEM_ADMIN
        assertProblem(service.get(PARKED, null), 401, "unauthorized");
        assertProblem(service.get(PARKED, api.citizen("001190020001", 1)), 403, "forbidden");
        assertProblem(service.get(PARKED, api.officer()), 403, "forbidden");
        HttpResponse<String> list = service.get(PARKED, admin);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("xxxxxxxx");
        DocumentContext page = ServiceConformance.json(list);
        assertThat(page.read("$.totalItems", Integer.class)).isEqualTo(1);
        Map<String, Object> parked = page.read("$.items[0]");
        assertThat(parked)
                .containsEntry("eventId", oversized)
                .containsEntry("key", wedged)
                .containsEntry("type", DossierLifecycleEventV1.WITHDRAWN)
                .containsEntry("state", "PARKED")
                .containsEntry("heldBehind", 1);
        assertThat((String) parked.get("error")).contains("RecordTooLargeException");
        assertThat(((Number) parked.get("sizeBytes")).longValue()).isGreaterThan(1_048_576);

        // the figures: metric, health details for an operator, readiness unaffected
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.get("/actuator/prometheus", null)
                        .body()
                        .matches("(?s).*\\negov_outbox_parked\\{[^}]*} 1\\.0\\n.*"));
        assertThat(service.get("/actuator/prometheus", null).body())
                .contains(
                        "egov_outbox_backlog{",
                        "egov_outbox_oldest_pending_age_seconds{",
                        "egov_events_dead_letter_records{");
        // issue 18: the business counter moved for both submissions (after commit), the relay's sends are timed (the
        // parked one as failed), and the breakers built in code are in the registry's meters
        String metrics = service.get("/actuator/prometheus", null).body();
        java.util.regex.Matcher submitted = java.util.regex.Pattern.compile(
                        "\\negov_dossier_events_total\\{[^}]*event=\"submitted\"[^}]*} (\\d+)\\.0\\n")
                .matcher(metrics);
        long submissions = 0;
        while (submitted.find()) {
            submissions += Long.parseLong(submitted.group(1));
        }
        assertThat(submissions).as("egov_dossier_events_total for submissions").isGreaterThanOrEqualTo(2);
        assertThat(metrics)
                .containsPattern("egov_outbox_relay_send_seconds_count\\{[^}]*outcome=\"sent\"[^}]*topic=\""
                        + EventTopics.DOSSIER)
                .containsPattern("egov_outbox_relay_send_seconds_count\\{[^}]*outcome=\"failed\"")
                .contains("resilience4j_circuitbreaker_state{");
        HttpResponse<String> health = service.get("/actuator/health", admin);
        assertThat(health.body()).contains("\"outbox\":{", "\"parked\":1");
        assertThat(service.get("/actuator/health", null).body()).doesNotContain("\"parked\"");
        assertThat(service.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(service.get("/v3/api-docs", null).body())
                .contains(PARKED + "/{eventId}/retry", PARKED + "/{eventId}/discard");

        // unknown or malformed ids, in Vietnamese by default and English on request
        HttpResponse<String> unknown = service.post(PARKED + "/" + UUID.randomUUID() + "/retry", admin, null);
        assertProblem(unknown, 404, "parked-event-not-found");
        assertThat(unknown.body()).contains("Không tìm thấy sự kiện");
        HttpResponse<String> english =
                service.post(PARKED + "/" + UUID.randomUUID() + "/discard", admin, null, "Accept-Language", "en");
        assertProblem(english, 404, "parked-event-not-found");
        assertThat(english.body()).contains("Event not found");
        assertProblem(service.post(PARKED + "/not-an-id/retry", admin, null), 400, "bad-request");
        assertProblem(service.post(PARKED + "/" + oversized + "/retry", api.officer(), null), 403, "forbidden");

        // retry: sent again, refused again, parked again; the held event still waits
        HttpResponse<String> retried = service.post(PARKED + "/" + oversized + "/retry", admin, null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(ServiceConformance.json(retried).read("$.state", String.class))
                .isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(30)).until(() -> actions(oversized).size() == 3);
        assertThat(actions(oversized)).containsExactly("PARKED", "RETRIED", "PARKED");
        assertThat(column(held, "published_at")).isEmpty();

        // discard: the dossier's held event reaches Kafka; the discarded one never does
        HttpResponse<String> discarded = service.post(PARKED + "/" + oversized + "/discard", admin, null);
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(ServiceConformance.json(discarded).read("$.state", String.class))
                .isEqualTo("DISCARDED");
        assertThat(ServiceConformance.json(discarded).read("$.discardedBy", String.class))
                .isEqualTo(DossierApi.subjectOf("quantri.hethong"));
        assertThat(ServiceConformance.readTopic(kafka, EventTopics.DOSSIER, held, Duration.ofSeconds(60)))
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(wedged));
        assertThat(jdbc.sql("select actor from outbox_event_action where event_id = ?::uuid order by id")
                        .param(oversized)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "outbox-relay",
                        DossierApi.subjectOf("quantri.hethong"),
                        "outbox-relay",
                        DossierApi.subjectOf("quantri.hethong"));
        assertProblem(service.post(PARKED + "/" + oversized + "/discard", admin, null), 409, "event-not-parked");
        assertThat(ServiceConformance.json(service.get(PARKED, admin)).read("$.totalItems", Integer.class))
                .isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.get("/actuator/prometheus", null)
                        .body()
                        .matches("(?s).*\\negov_outbox_parked\\{[^}]*} 0\\.0\\n.*"));
    }

    private boolean published(String code, String type) {
        return jdbc.sql(
                                "select count(*) from outbox_event where event_key = ? and event_type = ? and published_at is not null")
                        .params(code, type)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Optional<Object> column(String eventId, String column) {
        return jdbc.sql("select " + column + " from outbox_event where event_id = ?::uuid")
                .param(eventId)
                .query((rs, i) -> Optional.ofNullable(rs.getObject(1)))
                .single();
    }

    private List<String> actions(String eventId) {
        return jdbc.sql("select action from outbox_event_action where event_id = ?::uuid order by id")
                .param(eventId)
                .query(String.class)
                .list();
    }
}
