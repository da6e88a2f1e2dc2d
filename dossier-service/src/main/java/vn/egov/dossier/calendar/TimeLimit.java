package vn.egov.dossier.calendar;

/**
 * A procedure's legal time limit (thời hạn giải quyết): an amount and its unit, and the text that sets it.
 *
 * @param amount how many units; ignored for {@link Unit#SAME_DAY}
 * @param source the legal source of the limit (e.g. "Luật Hộ tịch 2014, Điều 16 khoản 1"), or null
 */
public record TimeLimit(int amount, Unit unit, String source) {

    /** Column {@code procedure.time_limit_unit}, same names in JSON. */
    public enum Unit {
        /** Whole working days; the day of receipt does not count (Bộ luật Dân sự 2015, Điều 147). */
        WORKING_DAYS,
        /** Working half-days: one morning or one afternoon period of the agency's working hours. */
        HALF_DAYS,
        /** Working hours, counted inside the agency's working periods. */
        WORKING_HOURS,
        /** Resolved the day it is received; received after the cut-off (15:00), the next working day. */
        SAME_DAY
    }

    public TimeLimit {
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("amount must be >= 0");
        }
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(days, Unit.WORKING_DAYS, null);
    }
}
