package vn.egov.dossier.forms;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.egov.commons.time.VietnamTime;

/**
 * A small page layout on PDFBox for the official forms: A4, Times-like serif (DejaVu Serif, embedded as a subset),
 * the national header, wrapped paragraphs, ruled tables that break across pages, signature blocks and a QR code
 * drawn as vector squares.
 *
 * <p>Deterministic on purpose: nothing here reads the clock or a random source. PDFBox would otherwise write a
 * trailer {@code /ID} from the current time; {@link #finish} sets it (and the info dates) from the form's data, so
 * the same data gives the same bytes ("regenerated identically").
 */
final class FormPdf implements AutoCloseable {

    static final Locale VI = Locale.forLanguageTag("vi");
    private static final float MARGIN_LEFT = 70; // ~25 mm, the binding side of administrative documents
    private static final float MARGIN_RIGHT = 45;
    private static final float MARGIN_TOP = 50;
    private static final float MARGIN_BOTTOM = 50;
    static final float BODY = 12;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final PDRectangle size;
    private PDPageContentStream out;
    private float y;

    private FormPdf(FontFiles fonts, boolean landscape) {
        this.doc = new PDDocument();
        try {
            this.regular = PDType0Font.load(doc, new ByteArrayInputStream(fonts.regular()), true);
            this.bold = PDType0Font.load(doc, new ByteArrayInputStream(fonts.bold()), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        newPage();
    }

    static FormPdf a4(FontFiles fonts) {
        return new FormPdf(fonts, false);
    }

    static FormPdf a4Landscape(FontFiles fonts) {
        return new FormPdf(fonts, true);
    }

    float left() {
        return MARGIN_LEFT;
    }

    float right() {
        return size.getWidth() - MARGIN_RIGHT;
    }

    float width() {
        return right() - left();
    }

    float y() {
        return y;
    }

    void space(float points) {
        y -= points;
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            out.setLineWidth(0.6f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = size.getHeight() - MARGIN_TOP;
    }

    /** A new page when fewer than {@code points} remain above the bottom margin. */
    void keep(float points) {
        if (y - points < MARGIN_BOTTOM) {
            newPage();
        }
    }

    // ---- text

    /** Text as the fonts expect it: composed (NFC), so "ế" is one glyph and extracts as one character. */
    static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    PDFont regular() {
        return regular;
    }

    PDFont bold() {
        return bold;
    }

    float widthOf(String s, PDFont font, float fontSize) {
        try {
            return font.getStringWidth(nfc(s)) / 1000 * fontSize;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(String s, PDFont font, float fontSize, float x, float baseline) {
        try {
            out.beginText();
            out.setFont(font, fontSize);
            out.newLineAtOffset(x, baseline);
            out.showText(nfc(s));
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of at most {@code width} points, broken at spaces (a word longer than a line is cut). */
    List<String> wrap(String s, PDFont font, float fontSize, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : nfc(s).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (widthOf(candidate, font, fontSize) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (widthOf(rest, font, fontSize) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && widthOf(rest.substring(0, cut), font, fontSize) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static float leading(float fontSize) {
        return fontSize * 1.35f;
    }

    /** A line centred on {@code centre}, at the current line, without moving down. */
    void centredAt(String s, PDFont font, float fontSize, float centre, float baseline) {
        text(s, font, fontSize, centre - widthOf(s, font, fontSize) / 2, baseline);
    }

    /** Wrapped lines centred on the page. */
    void centred(String s, PDFont font, float fontSize) {
        for (String line : wrap(s, font, fontSize, width())) {
            keep(leading(fontSize));
            y -= leading(fontSize);
            centredAt(line, font, fontSize, left() + width() / 2, y);
        }
    }

    /** A wrapped paragraph from {@code indent} points right of the margin. */
    void paragraph(String s, PDFont font, float fontSize, float indent) {
        y -= 2; // a little air between paragraphs
        for (String line : wrap(s, font, fontSize, width() - indent)) {
            keep(leading(fontSize));
            y -= leading(fontSize);
            text(line, font, fontSize, left() + indent, y);
        }
    }

    void paragraph(String s) {
        paragraph(s, regular, BODY, 0);
    }

    /** "Label: value" — the label in the regular face, the value in bold, wrapped under the label. */
    void field(String label, String value) {
        String head = nfc(label) + ": ";
        float headWidth = widthOf(head, regular, BODY);
        List<String> lines = wrap(value == null || value.isBlank() ? "—" : value, bold, BODY, width() - headWidth);
        keep(leading(BODY));
        y -= leading(BODY);
        text(head, regular, BODY, left(), y);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                keep(leading(BODY));
                y -= leading(BODY);
            }
            text(lines.get(i), bold, BODY, left() + headWidth, y);
        }
    }

    void line(float x1, float y1, float x2, float y2) {
        try {
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the official parts

    /**
     * The header of every form: the agency (upper case, bold) on the left over its unit, the national title and
     * motto on the right, the motto underlined; under them the number (left) and the place and date (right).
     * {@code formNumber} ("Mẫu số 01") sits above, at the right margin, as the circular's annex prints it.
     */
    void header(String formNumber, String agencyName, String unit, String number, String placeAndDate) {
        float fontSize = 11;
        text(formNumber, bold, 11, right() - widthOf(formNumber, bold, 11), y);
        y -= 8;
        // DejaVu Serif runs wider than the Times of the printed forms: the left column keeps 40% and a gap
        float half = width() * 0.40f;
        float leftCentre = left() + half / 2;
        float rightCentre = left() + half + (width() - half) / 2;
        float top = y;
        float leftY = top;
        for (String line : wrap(agencyName.toUpperCase(VI), regular, fontSize, half - 10)) {
            leftY -= leading(fontSize);
            centredAt(line, regular, fontSize, leftCentre, leftY);
        }
        if (unit != null) {
            for (String line : wrap(unit.toUpperCase(VI), bold, fontSize, half - 10)) {
                leftY -= leading(fontSize);
                centredAt(line, bold, fontSize, leftCentre, leftY);
            }
        }
        line(leftCentre - 30, leftY - 7, leftCentre + 30, leftY - 7);
        float rightY = top - leading(fontSize);
        centredAt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, 11, rightCentre, rightY);
        rightY -= leading(12);
        String motto = "Độc lập - Tự do - Hạnh phúc";
        centredAt(motto, bold, 12, rightCentre, rightY);
        float mottoWidth = widthOf(motto, bold, 12);
        line(rightCentre - mottoWidth / 2, rightY - 5, rightCentre + mottoWidth / 2, rightY - 5);
        y = Math.min(leftY - 6, rightY) - 4;
        float below = y - leading(BODY);
        if (number != null) {
            centredAt("Số: " + number, regular, 11, leftCentre, below);
        }
        if (placeAndDate != null) {
            centredAt(placeAndDate, regular, BODY, rightCentre, below);
        }
        y = below - 14;
    }

    /** The form's title: bold capitals, centred, with a little air around it. */
    void title(String title) {
        space(6);
        centred(title.toUpperCase(VI), bold, 13.5f);
        space(6);
    }

    /**
     * A ruled table: the header row in bold, each cell wrapped to its column, a row never split across pages (the
     * header is repeated on a new page).
     */
    void table(float[] columns, List<String> head, List<List<String>> rows, float fontSize) {
        float total = 0;
        for (float c : columns) {
            total += c;
        }
        float[] widths = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i] / total * width();
        }
        row(widths, head, bold, fontSize, true);
        for (List<String> r : rows) {
            if (!row(widths, r, regular, fontSize, false)) {
                newPage();
                row(widths, head, bold, fontSize, true);
                row(widths, r, regular, fontSize, false);
            }
        }
    }

    /** Draws one row here if it fits above the bottom margin; false (and nothing drawn) if not. */
    private boolean row(float[] widths, List<String> cells, PDFont font, float fontSize, boolean centred) {
        float pad = 3;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            List<String> w = wrap(cell, font, fontSize, widths[i] - 2 * pad);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        float height = lines * leading(fontSize) + 2 * pad;
        if (y - height < MARGIN_BOTTOM) {
            return false;
        }
        float x = left();
        for (int i = 0; i < widths.length; i++) {
            float baseline = y - pad;
            for (String line : wrapped.get(i)) {
                baseline -= leading(fontSize);
                if (centred) {
                    centredAt(line, font, fontSize, x + widths[i] / 2, baseline + fontSize * 0.25f);
                } else {
                    text(line, font, fontSize, x + pad, baseline + fontSize * 0.25f);
                }
            }
            x += widths[i];
        }
        // the grid: top, bottom and the verticals of this row
        line(left(), y, right(), y);
        line(left(), y - height, right(), y - height);
        x = left();
        line(x, y, x, y - height);
        for (float w : widths) {
            x += w;
            line(x, y, x, y - height);
        }
        y -= height;
        return true;
    }

    /**
     * Signature blocks side by side (one, two or three): a bold role in capitals, "(Ký, ghi rõ họ tên)", room to
     * sign, then the name if the data has one.
     */
    void signatures(List<String[]> blocks) {
        keep(110);
        space(18);
        float column = width() / blocks.size();
        float top = y;
        float lowest = y;
        for (int i = 0; i < blocks.size(); i++) {
            String[] b = blocks.get(i);
            float centre = left() + column * i + column / 2;
            float by = top;
            for (String line : wrap(b[0].toUpperCase(VI), bold, BODY, column - 10)) {
                by -= leading(BODY);
                centredAt(line, bold, BODY, centre, by);
            }
            by -= leading(BODY);
            centredAt(b[1], regular, 11, centre, by);
            by -= 58;
            if (b.length > 2 && b[2] != null) {
                for (String line : wrap(b[2], bold, BODY, column - 10)) {
                    by -= leading(BODY);
                    centredAt(line, bold, BODY, centre, by);
                }
            }
            lowest = Math.min(lowest, by);
        }
        y = lowest;
    }

    /** A QR code of {@code matrix}, {@code side} points wide, its top-left at ({@code x}, current y). */
    void qr(BitMatrix matrix, float x, float side) {
        float module = side / matrix.getWidth();
        float top = y;
        try {
            for (int row = 0; row < matrix.getHeight(); row++) {
                int col = 0;
                while (col < matrix.getWidth()) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < matrix.getWidth() && matrix.get(col, row)) {
                        col++;
                    }
                    // runs of dark modules as one rectangle, slightly overlapping rows so no hairline gaps render
                    out.addRect(x + start * module, top - (row + 1) * module, (col - start) * module, module + 0.01f);
                }
            }
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the file

    /**
     * The PDF's bytes. Title, author, subject and both dates come from the data; the trailer's {@code /ID} is a
     * digest of {@code identity} (the form, the dossier and the fact it prints), never of the time of generation.
     */
    byte[] finish(String title, String author, String subject, Instant dated, String identity) {
        try {
            out.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(nfc(title));
            info.setAuthor(nfc(author));
            info.setSubject(nfc(subject));
            info.setCreator("egov dossier-service");
            info.setProducer("Apache PDFBox");
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone(VietnamTime.ZONE), Locale.ROOT);
            at.setTimeInMillis(dated.toEpochMilli() / 1000 * 1000);
            info.setCreationDate(at);
            info.setModificationDate(at);
            doc.getDocumentCatalog().setLanguage("vi-VN");
            byte[] id = Arrays.copyOf(sha256(identity), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sha256(String s) {
        return sha256Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
