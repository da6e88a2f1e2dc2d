package vn.egov.dossier.forms;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The forms of Thông tư 03/2025/TT-VPCP, Phụ lục I (in force since 15/9/2025, replacing Thông tư 01/2018): their
 * number as the annex prints it ("Mẫu số 01") and their title. 01–06 are about one dossier; 07 is an agency's
 * register for a period.
 */
public enum FormKind {
    RECEIPT("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    SUPPLEMENT_REQUEST("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    REFUSAL("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
    APOLOGY("04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
    STOP("05", "Thông báo dừng giải quyết hồ sơ"),
    CONTROL_SHEET("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    REGISTER("07", "Sổ theo dõi hồ sơ");

    private final String number;
    private final String title;

    FormKind(String number, String title) {
        this.number = number;
        this.title = title;
    }

    /** "01" … "07", as in the URL. */
    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** "Mẫu số 01". */
    public String label() {
        return "Mẫu số " + number;
    }

    /** The form of one dossier named in {@code /forms/{form}} ("01" … "06"); empty for anything else. */
    public static Optional<FormKind> ofDossier(String number) {
        return Arrays.stream(values())
                .filter(k -> k != REGISTER && k.number.equals(number))
                .findFirst();
    }

    /** "Mẫu số 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả - {suffix}.pdf": the file name people see. */
    String fileName(String suffix) {
        return label() + " - " + title + " - " + suffix + ".pdf";
    }

    /** The same name without diacritics, for clients that ignore {@code filename*}. */
    static String ascii(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return plain.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    }
}
