package vn.egov.dossier.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.dossier.desk.DossierActions.ActionRequest;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierTransitions.Status;
import vn.egov.dossier.procedure.Procedure;

/** Dossiers and requests for the policies' unit tests: plain values, no Spring, no database. */
final class DeskCases {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4); // a Friday
    static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");
    static final String AGENCY = "000.00.01.H26";
    static final Procedure BIRTH = new Procedure(
            "1.001193",
            "Đăng ký khai sinh",
            "Birth registration",
            AGENCY,
            "UBND phường Ba Đình",
            "COMMUNE",
            3,
            0,
            null,
            Map.of(),
            Procedure.Mode.FULL_ONLINE,
            1,
            List.of(new Procedure.RequiredDocument(
                    "GIAY_CHUNG_SINH", "Giấy chứng sinh", "Birth certificate", true, List.of("application/pdf"))),
            List.of(),
            vn.egov.dossier.calendar.TimeLimit.Unit.WORKING_DAYS,
            null,
            List.of(),
            null,
            List.of(),
            List.of());

    private DeskCases() {}

    static DossierRow dossier(Status status, LocalDate dueDate) {
        return new DossierRow(
                UUID.randomUUID(),
                AGENCY + "-261204-0001",
                BIRTH.code(),
                BIRTH.name(),
                AGENCY,
                "UBND phường Ba Đình",
                "citizen-1",
                status,
                NOW,
                TODAY.minusDays(7),
                dueDate,
                null,
                List.of(),
                new DossierRow.StoredForm("{}", null, null),
                null,
                null,
                "ONLINE",
                null,
                null,
                null,
                null,
                dueDate == null ? null : closing(dueDate));
    }

    /** 17:00 in Vietnam on {@code day}: the default agency's closing, when a due date is due. */
    static Instant closing(LocalDate day) {
        return day.atTime(17, 0).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    static ActionRequest request(
            String reason, LocalDate newAppointmentDate, String targetAgencyCode, List<String> missingDocuments) {
        return new ActionRequest(reason, "ghi chú", newAppointmentDate, targetAgencyCode, missingDocuments);
    }

    static ActionPolicy.DeskCase deskCase(DossierRow d, ActionRequest request) {
        return new ActionPolicy.DeskCase(
                d, request, TODAY, NOW, () -> BIRTH, Deadlines.of(new WorkingDayCalendar(Set.of(), Set.of())));
    }
}
