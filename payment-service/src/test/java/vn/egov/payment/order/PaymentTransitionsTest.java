package vn.egov.payment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentTransitionsTest {

    @ParameterizedTest(name = "{0} -> {1} emits {2}")
    @CsvSource({
        "CREATED, PENDING, vn.egov.payment.created.v1",
        "CREATED, CANCELLED, vn.egov.payment.cancelled.v1",
        "CREATED, SUCCEEDED, vn.egov.payment.succeeded.v1",
        "PENDING, SUCCEEDED, vn.egov.payment.succeeded.v1",
        "PENDING, FAILED, vn.egov.payment.failed.v1",
        "PENDING, EXPIRED, vn.egov.payment.expired.v1",
        "PENDING, CANCELLED, vn.egov.payment.cancelled.v1",
        "SUCCEEDED, PARTIALLY_REFUNDED, vn.egov.payment.refunded.v1",
        "SUCCEEDED, REFUNDED, vn.egov.payment.refunded.v1",
        "PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, vn.egov.payment.refunded.v1",
        "PARTIALLY_REFUNDED, REFUNDED, vn.egov.payment.refunded.v1",
        "CANCELLED, LATE_PAID, vn.egov.payment.late-paid.v1",
        "EXPIRED, LATE_PAID, vn.egov.payment.late-paid.v1",
        "FAILED, LATE_PAID, vn.egov.payment.late-paid.v1",
        "LATE_PAID, REFUNDED, vn.egov.payment.refunded.v1"
    })
    void allowedMovesNameTheirEvent(PaymentStatus from, PaymentStatus to, String event) {
        assertThat(PaymentTransitions.isAllowed(from, to)).isTrue();
        assertThat(PaymentTransitions.require(from, to).eventType()).isEqualTo(event);
    }

    @Test
    void theTableHoldsExactlyTheseMoves() {
        assertThat(PaymentTransitions.all())
                .hasSize(15)
                .extracting(t -> t.from() + "->" + t.to())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
        // nothing skips the gateway, nothing leaves a final state, nothing goes back
        "CREATED, FAILED",
        "CREATED, EXPIRED",
        "CREATED, REFUNDED",
        "PENDING, CREATED",
        "PENDING, PENDING",
        "PENDING, REFUNDED",
        "PENDING, PARTIALLY_REFUNDED",
        "SUCCEEDED, SUCCEEDED",
        "SUCCEEDED, FAILED",
        "SUCCEEDED, PENDING",
        "SUCCEEDED, EXPIRED",
        "SUCCEEDED, CANCELLED",
        "FAILED, SUCCEEDED",
        "FAILED, PENDING",
        "EXPIRED, SUCCEEDED",
        "EXPIRED, PENDING",
        "CANCELLED, SUCCEEDED",
        "CANCELLED, PENDING",
        "REFUNDED, REFUNDED",
        "REFUNDED, PARTIALLY_REFUNDED",
        "REFUNDED, SUCCEEDED",
        "PARTIALLY_REFUNDED, SUCCEEDED",
        // a late payment is never a success (the dossier's fee is not paid by it) and goes back whole
        "FAILED, FAILED",
        "EXPIRED, EXPIRED",
        "CANCELLED, CANCELLED",
        "CREATED, LATE_PAID",
        "PENDING, LATE_PAID",
        "SUCCEEDED, LATE_PAID",
        "PARTIALLY_REFUNDED, LATE_PAID",
        "REFUNDED, LATE_PAID",
        "LATE_PAID, LATE_PAID",
        "LATE_PAID, SUCCEEDED",
        "LATE_PAID, PARTIALLY_REFUNDED",
        "LATE_PAID, CANCELLED",
        "LATE_PAID, EXPIRED"
    })
    void otherMovesAreRefused(PaymentStatus from, PaymentStatus to) {
        assertThat(PaymentTransitions.isAllowed(from, to)).isFalse();
        assertThatThrownBy(() -> PaymentTransitions.require(from, to))
                .isInstanceOf(PaymentTransitions.IllegalTransitionException.class)
                .hasMessageContaining(from + " to " + to);
    }

    @Test
    void finalStatesHaveNoWayOutButALatePaymentThatIsRefunded() {
        assertThat(PaymentTransitions.all()).noneMatch(t -> t.from() == PaymentStatus.REFUNDED);
        for (PaymentStatus unpaid : EnumSet.of(PaymentStatus.FAILED, PaymentStatus.EXPIRED, PaymentStatus.CANCELLED)) {
            assertThat(PaymentTransitions.all())
                    .filteredOn(t -> t.from() == unpaid)
                    .extracting(PaymentTransitions.Transition::to)
                    .containsExactly(PaymentStatus.LATE_PAID);
        }
        assertThat(PaymentTransitions.all())
                .filteredOn(t -> t.from() == PaymentStatus.LATE_PAID)
                .extracting(PaymentTransitions.Transition::to)
                .containsExactly(PaymentStatus.REFUNDED);
        // the states the code treats as "money now is a late payment" are exactly those the table lets reach LATE_PAID
        assertThat(EnumSet.allOf(PaymentStatus.class).stream()
                        .filter(PaymentStatus::acceptsLatePayment)
                        .collect(Collectors.toSet()))
                .isEqualTo(PaymentTransitions.all().stream()
                        .filter(t -> t.to() == PaymentStatus.LATE_PAID)
                        .map(PaymentTransitions.Transition::from)
                        .collect(Collectors.toSet()));
        Set<PaymentStatus> reachable = PaymentTransitions.all().stream()
                .map(PaymentTransitions.Transition::to)
                .collect(Collectors.toSet());
        assertThat(reachable).containsAll(EnumSet.complementOf(EnumSet.of(PaymentStatus.CREATED)));
    }
}
