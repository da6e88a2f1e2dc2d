package vn.egov.dossier.forms;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.forms.FormSources.Facts;
import vn.egov.dossier.forms.FormSources.FileRow;
import vn.egov.dossier.forms.FormSources.Step;

/**
 * Forms 01–06 of one dossier, each from the fact it records: 01 the receipt ({@code receive}), 02 the latest
 * request to complete the dossier ({@code request-supplement}, or {@code counter-guidance} at the counter), 03 the
 * refusal ({@code reject}), 04 the apology and new appointment ({@code extend-deadline}), 05 the stop
 * ({@code stop-processing}), 06 the control sheet (the whole history, once received). Actions are matched by their
 * wire name in the history, so a form follows an action as soon as the history records it. A form whose fact is
 * not in the history does not apply: 409 {@code form-not-applicable}.
 */
@Component
class DossierForms {

    static final Set<String> SUPPLEMENT_ACTIONS = Set.of("request-supplement", "counter-guidance");

    /** A form as a file: its bytes and its name. */
    record Rendered(byte[] pdf, String fileName) {}

    private final FormSources sources;
    private final FontFiles fonts;
    private final FormsProperties properties;

    DossierForms(FormSources sources, FontFiles fonts, FormsProperties properties) {
        this.sources = sources;
        this.fonts = fonts;
        this.properties = properties;
    }

    /** The forms that apply to this dossier now, in their order. */
    List<FormKind> available(DossierRow d) {
        List<Step> history = sources.history(d.id());
        List<FormKind> kinds = new ArrayList<>();
        for (FormKind kind : FormKind.values()) {
            if (kind != FormKind.REGISTER && fact(kind, history).isPresent()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The step a form records: the latest of its action (06: the latest step, once the dossier was received). */
    static Optional<Step> fact(FormKind kind, List<Step> history) {
        return switch (kind) {
            case RECEIPT -> latest(history, Set.of("receive"));
            case SUPPLEMENT_REQUEST -> latest(history, SUPPLEMENT_ACTIONS);
            case REFUSAL -> latest(history, Set.of("reject"));
            case APOLOGY -> latest(history, Set.of("extend-deadline"));
            case STOP -> latest(history, Set.of("stop-processing"));
            case CONTROL_SHEET -> latest(history, Set.of("receive")).map(received -> history.get(history.size() - 1));
            case REGISTER -> Optional.empty();
        };
    }

    private static Optional<Step> latest(List<Step> history, Set<String> actions) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (actions.contains(history.get(i).action())) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    Rendered render(FormKind kind, DossierRow d) {
        Facts facts = sources.of(d);
        Step step = fact(kind, facts.history())
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.CONFLICT,
                        "form-not-applicable",
                        List.of(),
                        Map.of("form", kind.number()),
                        kind.label(),
                        d.code()));
        String agency = agencyName(d);
        try (FormPdf pdf = FormPdf.a4(fonts)) {
            switch (kind) {
                case RECEIPT -> receipt(pdf, facts, step, agency);
                case SUPPLEMENT_REQUEST -> supplementRequest(pdf, facts, step, agency);
                case REFUSAL -> refusal(pdf, facts, step, agency);
                case APOLOGY -> apology(pdf, facts, step, agency);
                case STOP -> stop(pdf, facts, step, agency);
                case CONTROL_SHEET -> controlSheet(pdf, facts, agency);
                case REGISTER -> throw new IllegalArgumentException("Mẫu 07 is an agency's, not a dossier's");
            }
            byte[] bytes = pdf.finish(
                    kind.label() + " - " + kind.title() + " - " + d.code(),
                    agency,
                    d.procedureName(),
                    step.at(),
                    kind.number() + "|" + d.code() + "|" + step.id());
            return new Rendered(bytes, kind.fileName(d.code()));
        }
    }

    static String agencyName(DossierRow d) {
        return d.agencyName() != null ? d.agencyName() : d.agencyCode();
    }

    /** The public lookup page for this dossier: web-portal's {@code /tra-cuu?code=…&secret=…}. */
    String lookupUrl(String code, String secret) {
        String url = properties.publicBaseUrl() + "/tra-cuu?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
        return secret == null ? url : url + "&secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /**
     * The appointment in force just after {@code step}: a later apology recorded the date it replaced
     * ({@code previousDueDate}); without one, the dossier's due date now. (A supplement's pause moves the date
     * without recording the old one; the form then shows the moved date.)
     */
    static LocalDate dueAfter(Facts facts, Step step) {
        boolean after = false;
        for (Step s : facts.history()) {
            if (s.id() == step.id()) {
                after = true;
                continue;
            }
            if (after && "extend-deadline".equals(s.action())) {
                LocalDate previous = Wording.date(s.details().get("previousDueDate"));
                if (previous != null) {
                    return previous;
                }
            }
        }
        return facts.dossier().dueDate();
    }

    private static void common(PDFHead head, FormPdf pdf, FormKind kind, String agency, String code, Instant at) {
        pdf.header(kind.label(), agency, head.unit, code, Wording.dated(Wording.dayOf(at)));
        pdf.title(kind.title());
    }

    /** The unit under the agency's name in the header. */
    private record PDFHead(String unit) {
        static final PDFHead DESK = new PDFHead("Bộ phận tiếp nhận và trả kết quả");
        static final PDFHead AGENCY = new PDFHead(null);
    }

    private void receipt(FormPdf pdf, Facts f, Step received, String agency) {
        DossierRow d = f.dossier();
        // a service centre that received it for the agency issues the receipt in its own name (decision 57)
        String receivedBy = d.receivingAgencyName() != null ? d.receivingAgencyName() : agency;
        common(PDFHead.DESK, pdf, FormKind.RECEIPT, receivedBy, d.code(), received.at());
        pdf.centred("Mã hồ sơ: " + d.code(), pdf.bold(), FormPdf.BODY);
        pdf.space(6);
        pdf.field("Cơ quan tiếp nhận", receivedBy);
        if (d.receivingAgencyName() != null) {
            pdf.field("Cơ quan giải quyết", agency);
        }
        pdf.field("Tiếp nhận hồ sơ của", f.applicantName());
        if (d.businessTaxCode() != null) {
            pdf.field("Tổ chức", d.businessName() + " (mã số thuế " + d.businessTaxCode() + ")");
        }
        pdf.field("Nội dung yêu cầu giải quyết", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")");
        pdf.paragraph("1. Thành phần hồ sơ nộp gồm:");
        pdf.space(4);
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Map.Entry<String, Integer> e : counts(f.files(), received.at()).entrySet()) {
            rows.add(List.of(
                    String.valueOf(n++),
                    f.documentName(e.getKey()),
                    form(f.files(), e.getKey()),
                    String.format("%02d", e.getValue())));
        }
        pdf.table(new float[] {6, 56, 20, 12}, List.of("TT", "Tên giấy tờ", "Hình thức", "Số lượng"), rows, 11);
        pdf.paragraph("2. Số lượng hồ sơ: 01 bộ.");
        pdf.paragraph("3. Thời gian tiếp nhận hồ sơ: " + Wording.time(received.at()) + ".");
        pdf.paragraph("4. Thời gian trả kết quả giải quyết hồ sơ: ngày " + Wording.day(dueAfter(f, received)) + ".");
        pdf.paragraph("5. Người tiếp nhận (tài khoản): " + received.actorSubject() + ".");
        pdf.paragraph("6. Tra cứu tình trạng hồ sơ: quét mã QR dưới đây, hoặc nhập mã hồ sơ và mã tra cứu "
                + (f.lookupSecret() == null ? "" : f.lookupSecret() + " ")
                + "tại trang Tra cứu hồ sơ của Cổng dịch vụ công.");
        pdf.space(6);
        String url = lookupUrl(d.code(), f.lookupSecret());
        float side = 96;
        pdf.keep(side + 20);
        pdf.qr(qr(url), pdf.left(), side);
        float top = pdf.y();
        pdf.text("Địa chỉ tra cứu:", pdf.regular(), 10, pdf.left() + side + 12, top - 14);
        float lineY = top - 28;
        for (String line : pdf.wrap(url, pdf.regular(), 10, pdf.width() - side - 12)) {
            pdf.text(line, pdf.regular(), 10, pdf.left() + side + 12, lineY);
            lineY -= FormPdf.leading(10);
        }
        pdf.space(side);
        pdf.signatures(List.<String[]>of(
                new String[] {"Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", f.applicantName()},
                new String[] {"Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", null}));
    }

    /** Files received by {@code until} per requirement, in the order first received. */
    /**
     * "Hình thức" of a document: papers scanned at the counter are the digitised original or copy (the applicant
     * keeps the paper); an online upload is an electronic copy.
     */
    static String form(List<FileRow> files, String requirementCode) {
        return files.stream()
                .filter(file -> requirementCode.equals(file.requirementCode()) && file.copyKind() != null)
                .map(file -> "ORIGINAL".equals(file.copyKind()) ? "Bản chính (đã số hóa)" : "Bản sao (đã số hóa)")
                .findFirst()
                .orElse("Bản điện tử");
    }

    private static Map<String, Integer> counts(List<FileRow> files, Instant until) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FileRow file : files) {
            if (!"RESULT".equals(file.kind()) && !file.uploadedAt().isAfter(until)) {
                counts.merge(file.requirementCode(), 1, Integer::sum);
            }
        }
        return counts;
    }

    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.MARGIN,
                                    4));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + text, e);
        }
    }

    /**
     * The step's missing documents: requirement codes (the desk's request), or, from another writer (the counter's
     * guidance), items naming a {@code requirementCode} or a {@code name}, or free text; else the dossier's list.
     */
    static List<String> missing(Object listed, List<String> dossiers) {
        if (!(listed instanceof List<?> items) || items.isEmpty()) {
            return dossiers;
        }
        List<String> missing = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                Object named = m.get("requirementCode") != null ? m.get("requirementCode") : m.get("name");
                missing.add(String.valueOf(named));
            } else if (item != null) {
                missing.add(item.toString());
            }
        }
        return missing;
    }

    private void supplementRequest(FormPdf pdf, Facts f, Step step, String agency) {
        DossierRow d = f.dossier();
        common(PDFHead.DESK, pdf, FormKind.SUPPLEMENT_REQUEST, agency, d.code(), step.at());
        pdf.field("Mã hồ sơ", d.code());
        pdf.field("Hồ sơ của", f.applicantName());
        pdf.field("Nội dung yêu cầu giải quyết", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")");
        pdf.field("Ngày yêu cầu", Wording.day(step.at()));
        pdf.space(4);
        pdf.paragraph("Sau khi xem xét, " + agency + " đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung "
                + "sau (một lần, đầy đủ):");
        List<String> missing = missing(step.details().get("missingDocuments"), d.missingDocuments());
        int n = 1;
        for (String requirement : missing) {
            pdf.paragraph(n++ + ". " + f.documentName(requirement), pdf.regular(), FormPdf.BODY, 14);
        }
        if (step.reason() != null && !step.reason().isBlank()) {
            pdf.field("Lý do", step.reason());
        }
        if (step.note() != null && !step.note().isBlank()) {
            pdf.field("Ghi chú", step.note());
        }
        pdf.paragraph(
                "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ " + agency + " để được hướng dẫn.");
        pdf.signatures(List.<String[]>of(
                new String[] {"Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", f.applicantName()},
                new String[] {"Người hướng dẫn", "(Ký và ghi rõ họ tên)", null}));
    }

    private void refusal(FormPdf pdf, Facts f, Step step, String agency) {
        DossierRow d = f.dossier();
        common(PDFHead.DESK, pdf, FormKind.REFUSAL, agency, d.code(), step.at());
        pdf.field("Mã hồ sơ", d.code());
        pdf.paragraph(agency + " tiếp nhận hồ sơ của:");
        pdf.field("Ông/bà", f.applicantName());
        pdf.field("Nội dung yêu cầu giải quyết", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")");
        pdf.space(4);
        pdf.paragraph("Qua xem xét, " + agency + " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể "
                + "như sau:");
        pdf.paragraph(step.reason() == null ? "—" : step.reason(), pdf.bold(), FormPdf.BODY, 14);
        pdf.field("Ngày từ chối", Wording.day(step.at()));
        pdf.paragraph("Xin thông báo để ông/bà được biết và thực hiện.");
        pdf.signatures(List.<String[]>of(new String[] {"Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", null}));
    }

    private void apology(FormPdf pdf, Facts f, Step step, String agency) {
        DossierRow d = f.dossier();
        common(PDFHead.AGENCY, pdf, FormKind.APOLOGY, agency, d.code(), step.at());
        pdf.centred("Kính gửi: " + f.applicantName(), pdf.regular(), FormPdf.BODY);
        pdf.space(6);
        Optional<Step> received = latest(f.history(), Set.of("receive"));
        LocalDate previous = Wording.date(step.details().get("previousDueDate"));
        LocalDate next = Optional.ofNullable(Wording.date(step.details().get("newDueDate")))
                .orElseGet(() -> dueAfter(f, step));
        pdf.paragraph("Ngày " + received.map(r -> Wording.day(r.at())).orElse("—") + ", " + agency
                + " tiếp nhận giải quyết hồ sơ của ông/bà, mã hồ sơ " + d.code() + ", nội dung yêu cầu giải quyết: "
                + d.procedureName() + ". Thời hạn trả kết quả giải quyết hồ sơ: ngày " + Wording.day(previous)
                + ".");
        pdf.paragraph("Tuy nhiên đến nay, " + agency + " chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hạn. "
                + "Lý do: " + (step.reason() == null ? "—" : step.reason()) + ".");
        pdf.paragraph("Sự chậm trễ này đã gây phiền hà cho ông/bà. " + agency + " xin lỗi ông/bà và đề nghị gia "
                + "hạn thời gian giải quyết, hẹn trả kết quả vào ngày " + Wording.day(next) + ".");
        pdf.field("Thời hạn trả kết quả cũ", Wording.day(previous));
        pdf.field("Thời hạn trả kết quả mới", Wording.day(next));
        pdf.paragraph("Xin trân trọng cảm ơn!");
        pdf.signatures(List.<String[]>of(
                new String[] {"Thủ trưởng cơ quan, đơn vị", "(Ký, ghi rõ họ tên và đóng dấu)", null}));
    }

    private void stop(FormPdf pdf, Facts f, Step step, String agency) {
        DossierRow d = f.dossier();
        common(PDFHead.AGENCY, pdf, FormKind.STOP, agency, d.code(), step.at());
        pdf.centred("Kính gửi: " + f.applicantName(), pdf.regular(), FormPdf.BODY);
        pdf.space(6);
        Optional<Step> received = latest(f.history(), Set.of("receive"));
        pdf.paragraph(agency + " đã tiếp nhận hồ sơ của ông/bà"
                + received.map(r -> " ngày " + Wording.day(r.at())).orElse("") + ", mã hồ sơ " + d.code()
                + ", nội dung yêu cầu giải quyết: " + d.procedureName() + ".");
        pdf.paragraph("Ngày " + Wording.day(step.at()) + ", " + agency + " dừng giải quyết hồ sơ nêu trên với lý do:");
        pdf.paragraph(step.reason() == null ? "—" : step.reason(), pdf.bold(), FormPdf.BODY, 14);
        if (step.note() != null && !step.note().isBlank()) {
            pdf.field("Ghi chú", step.note());
        }
        pdf.paragraph("Xin thông báo để ông/bà được biết.");
        pdf.signatures(List.<String[]>of(
                new String[] {"Thủ trưởng cơ quan, đơn vị", "(Ký, ghi rõ họ tên và đóng dấu)", null}));
    }

    private void controlSheet(FormPdf pdf, Facts f, String agency) {
        DossierRow d = f.dossier();
        Step received = latest(f.history(), Set.of("receive")).orElseThrow();
        common(PDFHead.DESK, pdf, FormKind.CONTROL_SHEET, agency, d.code(), received.at());
        pdf.field("Mã hồ sơ", d.code());
        pdf.paragraph("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã hồ sơ " + d.code() + ")");
        pdf.field("Cơ quan giải quyết hồ sơ", agency);
        pdf.field("Người nộp hồ sơ", f.applicantName());
        pdf.field("Thủ tục", d.procedureName() + " (mã thủ tục " + d.procedureCode() + ")");
        pdf.field("Thời gian tiếp nhận", Wording.time(received.at()));
        pdf.field("Hẹn trả kết quả", Wording.day(d.dueDate()));
        pdf.field("Trạng thái hiện tại", Wording.status(d.status().name()));
        pdf.space(8);
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        boolean clockRunning = false;
        for (Step s : f.history()) {
            if (s.id() == received.id() || "receive".equals(s.action())) {
                clockRunning = true;
            }
            LocalDate due = clockRunning ? dueAfter(f, s) : null;
            String detail = s.reason() == null || s.reason().isBlank() ? "" : s.reason();
            rows.add(List.of(
                    String.valueOf(n++),
                    Wording.action(s.action()),
                    Wording.role(s.actorRole()) + "\n" + s.actorSubject(),
                    Wording.shortTime(s.at()),
                    Wording.day(due),
                    onTime(Wording.dayOf(s.at()), due),
                    detail));
        }
        pdf.table(
                new float[] {5, 18, 21, 13, 14, 11, 18},
                List.of("TT", "Bước xử lý", "Người thực hiện", "Thời gian", "Hạn giải quyết", "Kết quả", "Ghi chú"),
                rows,
                9);
    }

    /** Against the appointment in force: before it, on it, or after it (late). */
    static String onTime(LocalDate on, LocalDate due) {
        if (due == null || on == null) {
            return "—";
        }
        if (on.isBefore(due)) {
            return "Trước hạn";
        }
        return on.isEqual(due) ? "Đúng hạn" : "Quá hạn";
    }
}
