package vn.egov.contracts.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire shape of the payment events: consumers (dossier-service, notification-service) read these
 * names, so a rename here must fail a test, and a producer adding a field must not break a consumer.
 */
class PaymentEventContractsTest {

    final JsonMapper json = JsonMapper.builder().build();
    final UUID id = UUID.fromString("2f1c7a4e-3b8d-4c55-9e0a-1d2b3c4d5e6f");
    final Instant paidAt = Instant.parse("2026-11-22T03:04:05Z");

    @Test
    void typesAreVersionedAndDistinct() {
        List<String> types = List.of(
                PaymentOrderCreatedV1.TYPE,
                PaymentSucceededV1.TYPE,
                PaymentFailedV1.TYPE,
                PaymentExpiredV1.TYPE,
                PaymentCancelledV1.TYPE,
                PaymentRefundedV1.TYPE,
                PaymentLatePaidV1.TYPE);
        assertThat(types).doesNotHaveDuplicates().allMatch(t -> t.matches("vn\\.egov\\.payment\\.[a-z-]+\\.v1"));
        assertThat(PaymentSucceededV1.TYPE).isEqualTo("vn.egov.payment.succeeded.v1");
        assertThat(PaymentFailedV1.TYPE).isEqualTo("vn.egov.payment.failed.v1");
        assertThat(PaymentLatePaidV1.TYPE).isEqualTo("vn.egov.payment.late-paid.v1");
    }

    @Test
    void succeededCarriesTheReceiptWithStableFieldNames() {
        PaymentSucceededV1 event = new PaymentSucceededV1(
                id,
                "000.00.11.H26-261122-0001",
                "000.00.11.H26",
                200_000L,
                "BL-2026-000001",
                paidAt,
                "14123456",
                "NCB",
                "citizen-sub-1");
        JsonNode tree = json.valueToTree(event);
        assertThat(tree.get("paymentId").asString()).isEqualTo(id.toString());
        assertThat(tree.get("dossierCode").asString()).isEqualTo("000.00.11.H26-261122-0001");
        assertThat(tree.get("amountVnd").asLong()).isEqualTo(200_000L);
        assertThat(tree.get("receiptNumber").asString()).isEqualTo("BL-2026-000001");
        assertThat(tree.get("paidAt").asString()).isEqualTo("2026-11-22T03:04:05Z");
        assertThat(tree.get("gatewayTransactionNo").asString()).isEqualTo("14123456");
        assertThat(tree.get("bankCode").asString()).isEqualTo("NCB");
        assertThat(tree.get("payerSubject").asString()).isEqualTo("citizen-sub-1");
        assertThat(json.treeToValue(tree, PaymentSucceededV1.class)).isEqualTo(event);
    }

    @Test
    void eventsAboutMoneyPaidNameThePayerBySubjectOnly() {
        PaymentRefundedV1 refunded = new PaymentRefundedV1(
                id,
                UUID.randomUUID(),
                "D-1",
                "A",
                10_000L,
                4_000L,
                4_000L,
                false,
                "BL-2026-000001",
                paidAt,
                "citizen-sub-2");
        PaymentLatePaidV1 latePaid = new PaymentLatePaidV1(
                id,
                "D-1",
                "A",
                10_000L,
                "CANCELLED",
                "BL-2026-000002",
                paidAt,
                "14000001",
                "NCB",
                UUID.randomUUID(),
                "citizen-sub-3");
        assertThat(json.valueToTree(refunded).get("payerSubject").asString()).isEqualTo("citizen-sub-2");
        assertThat(json.valueToTree(latePaid).get("payerSubject").asString()).isEqualTo("citizen-sub-3");
        // a subject id, never the person's contacts: the events are kept on the topic and in the outbox
        for (Class<?> contract : List.of(PaymentSucceededV1.class, PaymentRefundedV1.class, PaymentLatePaidV1.class)) {
            assertThat(java.util.Arrays.stream(contract.getRecordComponents())
                            .map(c -> c.getName().toLowerCase()))
                    .as(contract.getSimpleName())
                    .noneMatch(n -> n.contains("email") || n.contains("phone") || n.contains("name"));
        }
    }

    @Test
    void eventsPublishedBeforeThePayerWasAddedStillRead() {
        String succeeded = """
                {"paymentId":"%s","dossierCode":"D-1","agencyCode":"A","amountVnd":5000,"receiptNumber":"BL-2026-000008",
                 "paidAt":"2026-11-22T03:04:05Z","gatewayTransactionNo":"1","bankCode":"NCB"}""".formatted(id);
        PaymentSucceededV1 s = json.readValue(succeeded, PaymentSucceededV1.class);
        assertThat(s.receiptNumber()).isEqualTo("BL-2026-000008");
        assertThat(s.payerSubject()).isNull();

        String refunded = """
                {"paymentId":"%s","refundId":"%s","dossierCode":"D-1","agencyCode":"A","amountVnd":5000,
                 "refundAmountVnd":5000,"refundedTotalVnd":5000,"fullyRefunded":true,"receiptNumber":"BL-2026-000008",
                 "refundedAt":"2026-11-22T03:04:05Z"}""".formatted(id, id);
        PaymentRefundedV1 r = json.readValue(refunded, PaymentRefundedV1.class);
        assertThat(r.refundAmountVnd()).isEqualTo(5000L);
        assertThat(r.payerSubject()).isNull();

        String latePaid = """
                {"paymentId":"%s","dossierCode":"D-1","agencyCode":"A","amountVnd":5000,"previousStatus":"EXPIRED",
                 "receiptNumber":"BL-2026-000009","paidAt":"2026-11-22T03:04:05Z","gatewayTransactionNo":"2",
                 "bankCode":"NCB","refundId":"%s"}""".formatted(id, id);
        PaymentLatePaidV1 l = json.readValue(latePaid, PaymentLatePaidV1.class);
        assertThat(l.previousStatus()).isEqualTo("EXPIRED");
        assertThat(l.payerSubject()).isNull();
    }

    @Test
    void consumersIgnoreFieldsAddedLaterInTheSameVersion() {
        String withExtra = """
                {"paymentId":"%s","dossierCode":"D-1","agencyCode":"A","amountVnd":5000,"receiptNumber":"BL-2026-000007",
                 "paidAt":"2026-11-22T03:04:05Z","gatewayTransactionNo":"1","bankCode":"NCB","somethingNew":{"x":1}}""".formatted(id);
        PaymentSucceededV1 read = json.readValue(withExtra, PaymentSucceededV1.class);
        assertThat(read.receiptNumber()).isEqualTo("BL-2026-000007");
        assertThat(read.amountVnd()).isEqualTo(5000L);
    }

    @Test
    void everyContractRoundTrips() {
        List<Object> events = List.of(
                new PaymentOrderCreatedV1(id, "D-1", "A", 10_000L, paidAt),
                new PaymentFailedV1(id, "D-1", "A", 10_000L, "24", paidAt),
                new PaymentExpiredV1(id, "D-1", "A", 10_000L, paidAt),
                new PaymentCancelledV1(id, "D-1", "A", 10_000L, paidAt),
                new PaymentRefundedV1(
                        id,
                        UUID.randomUUID(),
                        "D-1",
                        "A",
                        10_000L,
                        4_000L,
                        4_000L,
                        false,
                        "BL-2026-000001",
                        paidAt,
                        "citizen-sub-1"),
                new PaymentLatePaidV1(
                        id,
                        "D-1",
                        "A",
                        10_000L,
                        "CANCELLED",
                        "BL-2026-000002",
                        paidAt,
                        "14000001",
                        "NCB",
                        UUID.randomUUID(),
                        "citizen-sub-1"));
        for (Object event : events) {
            String text = json.writeValueAsString(event);
            assertThat(json.readValue(text, event.getClass())).as(text).isEqualTo(event);
        }
    }
}
