package vn.egov.contracts.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed status and the rating's score changed the record, not the wire: consumers built against the
 * strings (and the strings dossier-service published before) read and write exactly the same JSON.
 */
class DossierLifecycleEventWireFormatTest {

    final JsonMapper json = JsonMapper.builder().build();
    final Instant at = Instant.parse("2026-11-22T03:04:05Z");
    final LocalDate due = LocalDate.of(2026, 12, 15);

    /** The v1 record as it was before the status was typed and the score added: strings, no score. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BeforeTyping(
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyCode,
            String agencyName,
            String applicantSubject,
            String businessTaxCode,
            String fromStatus,
            String toStatus,
            String action,
            String actorSubject,
            String actorRole,
            String reason,
            LocalDate dueDate,
            List<String> missingDocuments,
            long feeVnd,
            Instant occurredAt) {}

    DossierLifecycleEventV1 event(DossierStatus from, DossierStatus to, String action, String reason, Integer score) {
        return new DossierLifecycleEventV1(
                "000.00.01.H26-261122-0042",
                "1.001234",
                "Đăng ký khai sinh",
                "000.00.01.H26",
                "UBND phường Ba Đình",
                "citizen-1",
                null,
                from,
                to,
                action,
                "officer-1",
                "OFFICER",
                reason,
                due,
                List.of("CCCD"),
                1_500_000L,
                at,
                score);
    }

    BeforeTyping before(String from, String to, String action, String reason) {
        return new BeforeTyping(
                "000.00.01.H26-261122-0042",
                "1.001234",
                "Đăng ký khai sinh",
                "000.00.01.H26",
                "UBND phường Ba Đình",
                "citizen-1",
                null,
                from,
                to,
                action,
                "officer-1",
                "OFFICER",
                reason,
                due,
                List.of("CCCD"),
                1_500_000L,
                at);
    }

    @Test
    void theJsonOfATransitionIsExactlyWhatItWas() {
        String written = json.writeValueAsString(
                event(DossierStatus.AWAITING_PAYMENT, DossierStatus.SUBMITTED, "pay", null, null));
        assertThat(written).isEqualTo("""
                {"dossierCode":"000.00.01.H26-261122-0042","procedureCode":"1.001234","procedureName":"Đăng ký khai sinh",\
                "agencyCode":"000.00.01.H26","agencyName":"UBND phường Ba Đình","applicantSubject":"citizen-1",\
                "businessTaxCode":null,"fromStatus":"AWAITING_PAYMENT","toStatus":"SUBMITTED","action":"pay",\
                "actorSubject":"officer-1","actorRole":"OFFICER","reason":null,"dueDate":"2026-12-15",\
                "missingDocuments":["CCCD"],"feeVnd":1500000,"occurredAt":"2026-11-22T03:04:05Z"}""");
        assertThat(written).isEqualTo(json.writeValueAsString(before("AWAITING_PAYMENT", "SUBMITTED", "pay", null)));
    }

    @Test
    void everyStatusIsWrittenAndReadAsTheStringItWas() {
        List<DossierStatus> published = Arrays.stream(DossierStatus.values())
                .filter(s -> s != DossierStatus.UNKNOWN)
                .toList();
        assertThat(published)
                .extracting(DossierStatus::name)
                .containsExactlyInAnyOrder(
                        "AWAITING_PAYMENT",
                        "SUBMITTED",
                        "RECEIVED",
                        "IN_PROCESSING",
                        "AWAITING_SUPPLEMENT",
                        "RESOLVED",
                        "REJECTED",
                        "RESULT_RETURNED",
                        "WITHDRAWN",
                        "TRANSFERRED",
                        "STOPPED",
                        "GUIDED",
                        "POSTED");
        for (DossierStatus status : published) {
            String now = json.writeValueAsString(event(status, status, "overdue", null, null));
            String then = json.writeValueAsString(before(status.name(), status.name(), "overdue", null));
            assertThat(now).as(status.name()).isEqualTo(then);
            // what was published before reads into the typed record, and back to the same text
            DossierLifecycleEventV1 read = json.readValue(then, DossierLifecycleEventV1.class);
            assertThat(read.fromStatus()).isSameAs(status);
            assertThat(read.toStatus()).isSameAs(status);
            assertThat(json.writeValueAsString(read)).isEqualTo(then);
        }
    }

    @Test
    void aSubmissionHasNoFromStatus() {
        DossierLifecycleEventV1 submitted = event(null, DossierStatus.SUBMITTED, "submit", null, null);
        String text = json.writeValueAsString(submitted);
        assertThat(text).contains("\"fromStatus\":null,\"toStatus\":\"SUBMITTED\"");
        assertThat(json.readValue(text, DossierLifecycleEventV1.class)).isEqualTo(submitted);
    }

    @Test
    void aStatusAddedLaterReadsAsUnknownInsteadOfFailingTheEvent() {
        String newer = json.writeValueAsString(before("RECEIVED", "SUSPENDED", "suspend", null))
                .replace("}", ",\"somethingNew\":1}");
        DossierLifecycleEventV1 read = json.readValue(newer, DossierLifecycleEventV1.class);
        assertThat(read.fromStatus()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(read.toStatus()).isEqualTo(DossierStatus.UNKNOWN);
        assertThat(read.dossierCode()).isEqualTo("000.00.01.H26-261122-0042");
    }

    @Test
    void aRatingCarriesItsScoreAndOnlyARatingHasOne() {
        DossierLifecycleEventV1 rated =
                event(DossierStatus.RESULT_RETURNED, DossierStatus.RESULT_RETURNED, "rate", "4", 4);
        String text = json.writeValueAsString(rated);
        // the new field is added at the end; the reason still carries the score for consumers from before it
        assertThat(text)
                .endsWith(",\"occurredAt\":\"2026-11-22T03:04:05Z\",\"score\":4}")
                .contains("\"reason\":\"4\"");
        assertThat(json.readValue(text, DossierLifecycleEventV1.class).score()).isEqualTo(4);
        // a consumer built before the score ignores it (unknown field)
        assertThat(json.readValue(text, BeforeTyping.class).reason()).isEqualTo("4");
        // other events have no score at all on the wire, as before
        assertThat(json.writeValueAsString(
                        event(DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING, "forward", null, null)))
                .doesNotContain("score");
        // a rating published before the field existed reads with no score
        String old = json.writeValueAsString(before("RESULT_RETURNED", "RESULT_RETURNED", "rate", "5"));
        assertThat(json.readValue(old, DossierLifecycleEventV1.class).score()).isNull();
    }

    @Test
    void aDossierACentreReceivesNamesItAndItsStaffReceiveItUntilItIsReceived() {
        DossierLifecycleEventV1 plain = event(null, DossierStatus.SUBMITTED, "submit", null, null);
        assertThat(json.writeValueAsString(plain)).doesNotContain("receivingAgencyCode");
        assertThat(plain.receivingStaffAgency()).isEqualTo(plain.agencyCode());
        DossierLifecycleEventV1 atCentre = atCentre(plain, null, DossierStatus.SUBMITTED, "submit");
        String text = json.writeValueAsString(atCentre);
        assertThat(text).endsWith(",\"receivingAgencyCode\":\"000.00.90.H26\"}");
        assertThat(json.readValue(text, DossierLifecycleEventV1.class).receivingStaffAgency())
                .isEqualTo("000.00.90.H26");
        // a consumer built before the field ignores it
        assertThat(json.readValue(text, BeforeTyping.class).dossierCode()).isEqualTo(plain.dossierCode());
        // received: the agency's staff from then on
        DossierLifecycleEventV1 received = atCentre(plain, DossierStatus.SUBMITTED, DossierStatus.RECEIVED, "receive");
        assertThat(received.receivingStaffAgency()).isEqualTo(plain.agencyCode());
    }

    /** {@code d} moved from {@code from} to {@code to} by {@code action}, received by Hà Nội's centre. */
    private static DossierLifecycleEventV1 atCentre(
            DossierLifecycleEventV1 d, DossierStatus from, DossierStatus to, String action) {
        return new DossierLifecycleEventV1(
                d.dossierCode(),
                d.procedureCode(),
                d.procedureName(),
                d.agencyCode(),
                d.agencyName(),
                d.applicantSubject(),
                null,
                from,
                to,
                action,
                d.actorSubject(),
                d.actorRole(),
                null,
                null,
                List.of(),
                0,
                d.occurredAt(),
                null,
                "000.00.90.H26");
    }
}
