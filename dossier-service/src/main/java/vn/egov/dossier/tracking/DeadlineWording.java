package vn.egov.dossier.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import vn.egov.commons.time.VietnamTime;
import vn.egov.dossier.calendar.Deadline;
import vn.egov.dossier.calendar.TimeLimit;

/**
 * The explanation of a deadline in words, Vietnamese or English. Plain text templates here rather than in the
 * message bundles: they are the engine's reasons, one sentence each, and a test reads them side by side.
 */
final class DeadlineWording {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static final Map<Deadline.Reason, String[]> REASONS = Map.ofEntries(
            Map.entry(Deadline.Reason.RECEIPT_DAY_NOT_COUNTED, new String[] {
                "Ngày tiếp nhận (lúc %1$s): không tính vào thời hạn", "Day of receipt (at %1$s): not counted"
            }),
            Map.entry(Deadline.Reason.IN_WORKING_HOURS, new String[] {
                "Tiếp nhận lúc %1$s, trong giờ làm việc: tính từ thời điểm này",
                "Received at %1$s, within working hours: counted from then"
            }),
            Map.entry(Deadline.Reason.OUTSIDE_WORKING_HOURS, new String[] {
                "Tiếp nhận lúc %1$s, ngoài giờ làm việc: tính từ đầu buổi làm việc kế tiếp",
                "Received at %1$s, outside working hours: counted from the start of the next working period"
            }),
            Map.entry(Deadline.Reason.NOT_A_WORKING_DAY, new String[] {
                "Tiếp nhận lúc %1$s vào ngày nghỉ: tính từ ngày làm việc kế tiếp",
                "Received at %1$s on a day off: counted from the next working day"
            }),
            Map.entry(Deadline.Reason.BEFORE_CUT_OFF, new String[] {
                "Tiếp nhận lúc %1$s, không sau %2$s: trả kết quả trong ngày",
                "Received at %1$s, not after %2$s: resolved the same day"
            }),
            Map.entry(Deadline.Reason.AFTER_CUT_OFF, new String[] {
                "Tiếp nhận lúc %1$s, sau %2$s: trả kết quả trong ngày làm việc tiếp theo",
                "Received at %1$s, after %2$s: resolved the next working day"
            }),
            Map.entry(Deadline.Reason.RECEIPT_PERIOD_NOT_COUNTED, new String[] {
                "Tiếp nhận lúc %1$s: buổi làm việc đang diễn ra không tính",
                "Received at %1$s: the half-day under way is not counted"
            }),
            Map.entry(Deadline.Reason.WORKING_DAY, new String[] {
                "Ngày làm việc: tính %3$s–%4$s (%5$s), lũy kế %6$s",
                "Working day: counted %3$s–%4$s (%5$s), %6$s so far"
            }),
            Map.entry(Deadline.Reason.MAKE_UP_WORKDAY, new String[] {
                "Ngày làm bù (%7$s): tính %3$s–%4$s (%5$s), lũy kế %6$s",
                "Make-up working day (%7$s): counted %3$s–%4$s (%5$s), %6$s so far"
            }),
            Map.entry(Deadline.Reason.SATURDAY, new String[] {"Thứ Bảy: ngày nghỉ", "Saturday: day off"}),
            Map.entry(Deadline.Reason.SUNDAY, new String[] {"Chủ nhật: ngày nghỉ", "Sunday: day off"}),
            Map.entry(
                    Deadline.Reason.HOLIDAY,
                    new String[] {"Ngày nghỉ lễ, tết: %7$s", "Public holiday or day off: %7$s"}));

    private final boolean english;
    private final LocalTime cutOff;

    DeadlineWording(boolean english, LocalTime cutOff) {
        this.english = english;
        this.cutOff = cutOff;
    }

    String day(Deadline.Step step, TimeLimit.Unit unit) {
        String template = REASONS.get(step.reason())[english ? 1 : 0];
        String text = String.format(
                template,
                step.from() == null ? "" : TIME.format(step.from()),
                TIME.format(cutOff),
                step.from() == null ? "" : TIME.format(step.from()),
                step.to() == null ? "" : TIME.format(step.to()),
                duration(step.counted()),
                units(step.total(), unit),
                step.name() == null ? "" : step.name());
        if (step.calendarMissing()) {
            text += english
                    ? " (no calendar data for " + step.day().getYear() + ": Monday to Friday assumed)"
                    : " (chưa có dữ liệu lịch năm " + step.day().getYear() + ": tạm tính thứ Hai–thứ Sáu)";
        }
        return text;
    }

    String limit(TimeLimit limit) {
        return switch (limit.unit()) {
            case SAME_DAY ->
                english
                        ? "Same day (received after " + TIME.format(cutOff) + ": next working day)"
                        : "Trong ngày (nhận sau " + TIME.format(cutOff) + ": ngày làm việc tiếp theo)";
            case WORKING_DAYS, HALF_DAYS, WORKING_HOURS -> units(limit.amount(), limit.unit());
        };
    }

    String summary(Instant dueAt, Instant computedDueAt, boolean moved) {
        String due = at(dueAt);
        if (!moved) {
            return english ? "Due " + due : "Hạn giải quyết: " + due;
        }
        return english
                ? "Due " + due + " (counted: " + at(computedDueAt)
                        + "; moved by a paused clock for a supplement or by an apology with a new date, see the history)"
                : "Hạn giải quyết: " + due + " (theo thời hạn: " + at(computedDueAt)
                        + "; đã điều chỉnh do tạm dừng chờ bổ sung hồ sơ hoặc văn bản xin lỗi hẹn lại, xem lịch sử)";
    }

    String missingYear(int year) {
        return english
                ? "No calendar data for " + year + ": Monday to Friday counted, holidays of that year unknown"
                : "Chưa có dữ liệu lịch nghỉ năm " + year + ": tạm tính thứ Hai–thứ Sáu, chưa trừ ngày lễ của năm đó";
    }

    private String at(Instant instant) {
        var t = VietnamTime.at(instant);
        return english ? TIME.format(t) + " on " + DATE.format(t) : TIME.format(t) + " ngày " + DATE.format(t);
    }

    private String units(int n, TimeLimit.Unit unit) {
        return switch (unit) {
            case WORKING_DAYS, SAME_DAY ->
                n + (english ? (n == 1 ? " working day" : " working days") : " ngày làm việc");
            case HALF_DAYS -> n + (english ? (n == 1 ? " half-day" : " half-days") : " buổi làm việc");
            case WORKING_HOURS -> n + (english ? (n == 1 ? " working hour" : " working hours") : " giờ làm việc");
        };
    }

    private String duration(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return english ? h + " h" + (m == 0 ? "" : " " + m + " min") : h + " giờ" + (m == 0 ? "" : " " + m + " phút");
    }
}
