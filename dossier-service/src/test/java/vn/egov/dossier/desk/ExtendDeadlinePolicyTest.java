package vn.egov.dossier.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.dossier.desk.DeskCases.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.desk.ActionPolicy.Violation;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierTransitions.Status;

class ExtendDeadlinePolicyTest {

    final ExtendDeadlinePolicy policy = new ExtendDeadlinePolicy();

    @Test
    void needsAReasonAndADateAfterTheDueDate() {
        LocalDate due = TODAY.plusDays(2);
        assertThat(policy.check(deskCase(dossier(Status.RECEIVED, due), request(null, null, null, null))))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reason", "required"),
                        org.assertj.core.groups.Tuple.tuple("newAppointmentDate", "after-due-date"));
        assertThat(policy.check(deskCase(dossier(Status.RECEIVED, due), request("x", due, null, null))))
                .extracting(Violation::code)
                .containsExactly("after-due-date");
    }

    @Test
    void theNewAppointmentIsAWorkingDayOfTheCalendar() {
        LocalDate due = TODAY.plusDays(2);
        LocalDate newYear = LocalDate.of(2027, 1, 1); // a Friday, declared off
        LocalDate madeUp = LocalDate.of(2026, 12, 19); // a Saturday, declared worked
        var calendar = vn.egov.dossier.calendar.Deadlines.of(
                new vn.egov.dossier.calendar.WorkingDayCalendar(java.util.Set.of(newYear), java.util.Set.of(madeUp)));
        for (LocalDate dayOff : new LocalDate[] {LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 13), newYear}) {
            var c = new ActionPolicy.DeskCase(
                    dossier(Status.RECEIVED, due), request("x", dayOff, null, null), TODAY, NOW, () -> BIRTH, calendar);
            assertThat(policy.check(c))
                    .as("%s", dayOff)
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("newAppointmentDate", "not-a-working-day"));
        }
        for (LocalDate working : new LocalDate[] {LocalDate.of(2026, 12, 14), madeUp}) {
            var c = new ActionPolicy.DeskCase(
                    dossier(Status.RECEIVED, due),
                    request("x", working, null, null),
                    TODAY,
                    NOW,
                    () -> BIRTH,
                    calendar);
            assertThat(policy.check(c)).as("%s", working).isEmpty();
        }
    }

    /**
     * Issue 14 item 3: the apology comes before the due time. Overdue (yesterday's closing, or 09:00 today for an
     * hours limit while it is 10:00): refused, naming the time missed; due at today's closing: accepted.
     */
    @Test
    void theApologyComesBeforeTheDueTimeNotAfter() {
        var overdue = deskCase(
                dossier(Status.IN_PROCESSING, TODAY.minusDays(5)), request("xin lỗi", TODAY.plusDays(3), null, null));
        assertThat(policy.check(overdue))
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dueAt", "apology-after-due-time"));
        assertThat(policy.check(overdue).get(0).args()).containsExactly("17:00 29/11/2026");

        DossierRow dueThisMorning = dossier(Status.IN_PROCESSING, TODAY);
        dueThisMorning = new DossierRow(
                dueThisMorning.id(),
                dueThisMorning.code(),
                dueThisMorning.procedureCode(),
                dueThisMorning.procedureName(),
                dueThisMorning.agencyCode(),
                dueThisMorning.agencyName(),
                dueThisMorning.applicantSubject(),
                dueThisMorning.status(),
                dueThisMorning.submittedAt(),
                dueThisMorning.receivedDate(),
                dueThisMorning.dueDate(),
                null,
                List.of(),
                dueThisMorning.form(),
                null,
                null,
                "ONLINE",
                null,
                null,
                null,
                null,
                NOW.minusSeconds(3600));
        assertThat(policy.check(deskCase(dueThisMorning, request("xin lỗi", TODAY.plusDays(3), null, null))))
                .extracting(Violation::code)
                .containsExactly("apology-after-due-time");

        // due at today's closing, asked at 10:00: in time
        var c = deskCase(dossier(Status.IN_PROCESSING, TODAY), request("xin lỗi", TODAY.plusDays(3), null, null));
        assertThat(policy.check(c)).isEmpty();
        assertThat(policy.change(c).dueDate()).isEqualTo(TODAY.plusDays(3));
        // an appointment given as a date is due at the agency's closing that day (17:00 in Vietnam)
        assertThat(policy.change(c).dueAt()).isEqualTo(java.time.Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(policy.change(c).details())
                .containsEntry("previousDueDate", TODAY.toString())
                // Mẫu 04 (forms) prints both dates from the history
                .containsEntry("newDueDate", TODAY.plusDays(3).toString());
    }
}
