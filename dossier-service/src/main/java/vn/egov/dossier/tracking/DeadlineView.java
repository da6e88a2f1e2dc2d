package vn.egov.dossier.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * "Why this date": the dossier's due time as the deadline engine counts it, day by day, worded in the request's
 * language (Vietnamese by default, English on {@code Accept-Language: en}); calendar names and legal sources are
 * cited as written.
 *
 * @param clockStart {@code RECEIVED} (counted from the receipt) or {@code SUBMITTED} (not received yet: the
 *     provisional appointment counted from the submission)
 * @param computedDueAt the engine's answer for {@code startedAt} and the procedure's limit
 * @param dueAt the dossier's due time now; differs from {@code computedDueAt} when {@code moved}: the clock was
 *     paused for a supplement or an apology set a new date (see the history)
 * @param warnings a year counted without calendar data (Monday to Friday only), in words
 * @param internalSteps the time limit split between the internal steps (decision 37), each with its due time
 */
record DeadlineView(
        String code,
        String procedureCode,
        TimeLimitView timeLimit,
        String workingHours,
        String clockStart,
        Instant startedAt,
        Instant countedFrom,
        Instant computedDueAt,
        Instant dueAt,
        LocalDate dueDate,
        boolean moved,
        String summary,
        List<Day> days,
        List<String> warnings,
        List<InternalStep> internalSteps) {

    /**
     * One internal step of the one-stop mechanism (RECEIVING, PROCESSING, APPROVING, RETURNING).
     *
     * @param sharePercent its share of the counted working time; {@code dueAt} ends the cumulative share
     * @param doneAt when the dossier left the step (from its history), null while it has not
     * @param overdue done after {@code dueAt}, or not done, still with the agency, and {@code dueAt} has passed
     */
    record InternalStep(String step, String name, int sharePercent, Instant dueAt, Instant doneAt, boolean overdue) {}

    record TimeLimitView(int amount, String unit, String source, String text) {}

    /**
     * @param kind RECEIVED, COUNTED or SKIPPED
     * @param reason the engine's reason (e.g. HOLIDAY, AFTER_CUT_OFF, MAKE_UP_WORKDAY)
     * @param countedMinutes working minutes counted that day
     * @param total units counted so far (days, half-days or whole hours)
     * @param text the reason in words
     */
    record Day(
            LocalDate date,
            String kind,
            String reason,
            LocalTime from,
            LocalTime to,
            long countedMinutes,
            int total,
            String text,
            String name,
            String source,
            boolean calendarMissing) {}
}
