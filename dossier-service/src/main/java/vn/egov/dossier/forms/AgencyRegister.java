package vn.egov.dossier.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.forms.FormSources.Step;

/**
 * Mẫu 07, Sổ theo dõi hồ sơ: the dossiers an agency received in a period (Vietnam dates of receipt), one row each
 * with what happened to it since, on A4 landscape. A dossier later transferred away is in the register of the
 * agency that holds it now (the row keeps only its current agency).
 */
@Component
class AgencyRegister {

    /** A register is printed: a period longer than a year, or more rows than this, is refused. */
    static final int MAX_DAYS = 366;

    static final int MAX_ROWS = 2000;

    private final FormSources sources;
    private final FontFiles fonts;

    AgencyRegister(FormSources sources, FontFiles fonts) {
        this.sources = sources;
        this.fonts = fonts;
    }

    DossierForms.Rendered render(String agencyCode, LocalDate from, LocalDate to) {
        if (from == null
                || to == null
                || to.isBefore(from)
                || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "register-period-invalid", MAX_DAYS);
        }
        List<DossierRow> dossiers = sources.receivedBy(agencyCode, from, to, MAX_ROWS + 1);
        if (dossiers.size() > MAX_ROWS) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "register-too-large", MAX_ROWS);
        }
        String agency = Optional.ofNullable(sources.agencyName(agencyCode)).orElse(agencyCode);
        String period = "Từ ngày " + Wording.day(from) + " đến ngày " + Wording.day(to);
        List<List<String>> rows = new ArrayList<>();
        // the file's date and identity come from what it lists, so the same register is the same bytes
        Instant latest =
                from.atTime(LocalTime.MIDNIGHT).atZone(VietnamTime.ZONE).toInstant();
        StringBuilder identity = new StringBuilder("07|" + agencyCode + "|" + from + "|" + to);
        int n = 1;
        for (DossierRow d : dossiers) {
            List<Step> history = sources.history(d.id());
            Optional<Step> received = last(history, "receive");
            Optional<Step> forwarded = last(history, "forward");
            Optional<Step> resolved = last(history, "resolve", "reject", "stop-processing");
            Optional<Step> returned = last(history, "return-result");
            rows.add(List.of(
                    String.valueOf(n++),
                    d.code(),
                    d.procedureName(),
                    sources.applicantName(d),
                    received.map(s -> Wording.shortTime(s.at())).orElse("—"),
                    Wording.day(d.dueDate()),
                    forwarded.map(s -> Wording.day(s.at())).orElse("—"),
                    resolved.map(s -> Wording.day(s.at()) + "\n" + Wording.action(s.action()))
                            .orElse("—"),
                    returned.map(s -> Wording.day(s.at())).orElse("—"),
                    Wording.status(d.status().name())));
            if (!history.isEmpty()) {
                Step lastStep = history.get(history.size() - 1);
                identity.append('|').append(d.code()).append(':').append(lastStep.id());
                if (lastStep.at().isAfter(latest)) {
                    latest = lastStep.at();
                }
            }
        }
        try (FormPdf pdf = FormPdf.a4Landscape(fonts)) {
            pdf.header(FormKind.REGISTER.label(), agency, "Bộ phận tiếp nhận và trả kết quả", null, null);
            pdf.title(FormKind.REGISTER.title());
            pdf.centred(period, pdf.regular(), FormPdf.BODY);
            pdf.space(4);
            pdf.field("Cơ quan", agency + " (mã " + agencyCode + ")");
            pdf.field("Số hồ sơ tiếp nhận trong kỳ", String.valueOf(dossiers.size()));
            pdf.space(6);
            pdf.table(
                    new float[] {4, 18, 16, 15, 9, 8, 8, 9, 8, 8},
                    List.of(
                            "TT",
                            "Mã hồ sơ",
                            "Tên thủ tục hành chính",
                            "Tổ chức, cá nhân nộp hồ sơ",
                            "Ngày, giờ nhận hồ sơ",
                            "Hẹn trả kết quả",
                            "Chuyển giải quyết",
                            "Có kết quả",
                            "Trả kết quả",
                            "Ghi chú"),
                    rows,
                    8);
            byte[] bytes = pdf.finish(
                    FormKind.REGISTER.label() + " - " + FormKind.REGISTER.title() + " - " + agency + " - " + period,
                    agency,
                    period,
                    latest,
                    identity.toString());
            return new DossierForms.Rendered(bytes, FormKind.REGISTER.fileName(agencyCode + " " + from + " " + to));
        }
    }

    private static Optional<Step> last(List<Step> history, String... actions) {
        List<String> wanted = List.of(actions);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (wanted.contains(history.get(i).action())) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
