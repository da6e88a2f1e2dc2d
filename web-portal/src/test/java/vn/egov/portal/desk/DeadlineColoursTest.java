package vn.egov.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The desk's deadline colours follow the API's "overdue by the minute" (issue 14 item 3). */
class DeadlineColoursTest {

    // the rules below never ask the calendar (only "soon" and "later" do)
    final DeadlineColours colours = new DeadlineColours(null);

    @Test
    void aDossierIsOverdueFromItsDueTimeNotFromTheNextDay() {
        var today = colours.today();
        Instant now = Instant.now();
        assertThat(colours.of(today, now.minus(Duration.ofMinutes(5)), "RECEIVED"))
                .isEqualTo(DeadlineColours.Urgency.OVERDUE);
        assertThat(colours.of(today, now.plus(Duration.ofMinutes(5)), "IN_PROCESSING"))
                .isEqualTo(DeadlineColours.Urgency.TODAY);
        // no due time (an older row): from the day after its due date
        assertThat(colours.of(today, null, "RECEIVED")).isEqualTo(DeadlineColours.Urgency.TODAY);
        assertThat(colours.of(today.minusDays(1), null, "RECEIVED")).isEqualTo(DeadlineColours.Urgency.OVERDUE);
        // waiting for the applicant or done: never urgent
        assertThat(colours.of(today, now.minus(Duration.ofMinutes(5)), "AWAITING_SUPPLEMENT"))
                .isEqualTo(DeadlineColours.Urgency.NONE);
    }
}
