package vn.egov.dossier.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import vn.egov.commons.time.VietnamTime;

/** How the forms word dates, steps, roles and statuses, in Vietnamese as the circular's forms do. */
final class Wording {

    private Wording() {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** Actions by their wire name; {@code counter-guidance} and {@code stop-processing} are the counter's. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("submit", "Nộp hồ sơ"),
            Map.entry("pay", "Nộp phí, lệ phí"),
            Map.entry("fee-paid", "Thu phí, lệ phí"),
            Map.entry("claim", "Người nộp nhận hồ sơ vào tài khoản"),
            Map.entry("post-result", "Gửi kết quả qua dịch vụ bưu chính"),
            Map.entry("receive", "Tiếp nhận hồ sơ"),
            Map.entry("request-supplement", "Yêu cầu bổ sung, hoàn thiện hồ sơ"),
            Map.entry("counter-guidance", "Hướng dẫn bổ sung, hoàn thiện hồ sơ tại quầy"),
            Map.entry("supplement", "Bổ sung hồ sơ"),
            Map.entry("forward", "Chuyển giải quyết"),
            Map.entry("resolve", "Phê duyệt kết quả"),
            Map.entry("reject", "Từ chối giải quyết"),
            Map.entry("return-result", "Trả kết quả"),
            Map.entry("transfer", "Chuyển cơ quan khác (liên thông)"),
            Map.entry("withdraw", "Rút hồ sơ"),
            Map.entry("extend-deadline", "Xin lỗi và gia hạn thời gian giải quyết"),
            Map.entry("overdue", "Quá hạn giải quyết"),
            Map.entry("rate", "Đánh giá"),
            Map.entry("stop-processing", "Dừng giải quyết hồ sơ"));

    private static final Map<String, String> ROLES = Map.of(
            "CITIZEN", "Người nộp hồ sơ",
            "OFFICER", "Cán bộ một cửa",
            "APPROVER", "Cán bộ giải quyết",
            "SYSTEM", "Hệ thống");

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("AWAITING_PAYMENT", "Chờ nộp phí"),
            Map.entry("SUBMITTED", "Đã nộp"),
            Map.entry("RECEIVED", "Đã tiếp nhận"),
            Map.entry("IN_PROCESSING", "Đang giải quyết"),
            Map.entry("AWAITING_SUPPLEMENT", "Chờ bổ sung"),
            Map.entry("RESOLVED", "Đã có kết quả"),
            Map.entry("REJECTED", "Từ chối giải quyết"),
            Map.entry("RESULT_RETURNED", "Đã trả kết quả"),
            Map.entry("TRANSFERRED", "Đã chuyển cơ quan khác"),
            Map.entry("WITHDRAWN", "Đã rút"),
            Map.entry("STOPPED", "Dừng giải quyết"));

    static String action(String wireName) {
        return ACTIONS.getOrDefault(wireName, wireName);
    }

    static String role(String role) {
        return ROLES.getOrDefault(role, role);
    }

    static String status(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    static String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    static LocalDate dayOf(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, VietnamTime.ZONE);
    }

    static String day(Instant at) {
        return day(dayOf(at));
    }

    /** "09 giờ 30 phút, ngày 10/03/2026". */
    static String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(VietnamTime.ZONE));
    }

    /** "09:30 10/03/2026", for tables. */
    static String shortTime(Instant at) {
        return at == null ? "—" : SHORT.format(at.atZone(VietnamTime.ZONE));
    }

    /** "ngày 10 tháng 3 năm 2026", under the national motto (the place is the agency's, left to its seal). */
    static String dated(LocalDate date) {
        return date == null
                ? "ngày … tháng … năm …"
                : "ngày %02d tháng %02d năm %d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    static LocalDate date(Object value) {
        if (value instanceof String s && !s.isBlank() && !"null".equals(s)) {
            try {
                return LocalDate.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
