package vn.egov.portal.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and dates the way each language writes them, for templates ({@code ${@formats.vnd(fee)}}):
 * "100.000 đồng" / "100,000 VND", "04/12/2026" / "4 Dec 2026". Money is whole đồng (long VND).
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter VIETNAMESE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter ENGLISH_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    /** Dates and times are shown as they are in Vietnam, wherever the server runs. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MessageSource messages;

    Formats(MessageSource messages) {
        this.messages = messages;
    }

    public String vnd(long amount) {
        Locale locale = LocaleContextHolder.getLocale();
        if (amount == 0) {
            return messages.getMessage("fee.free", null, locale);
        }
        String number = NumberFormat.getIntegerInstance(english(locale) ? Locale.ENGLISH : Locale.forLanguageTag("vi"))
                .format(amount);
        return messages.getMessage("fee.amount", new Object[] {number}, locale);
    }

    /** A share 0–1 as a whole percentage: "85 %" / "85%". */
    public String percent(Double share) {
        if (share == null) {
            return "";
        }
        long whole = Math.round(share * 100);
        return english(LocaleContextHolder.getLocale()) ? whole + "%" : whole + " %";
    }

    /** An average rating out of 5 with one decimal: "4,3 / 5" / "4.3 / 5". */
    public String rating(Double rating) {
        if (rating == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP); // 4.25 reads as 4.3, as people round
        return format.format(rating) + " / 5";
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale()).format(value);
    }

    private static Locale locale() {
        return english(LocaleContextHolder.getLocale()) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.format(english(LocaleContextHolder.getLocale()) ? ENGLISH_DATE : VIETNAMESE_DATE);
    }

    /** A moment as a date and time in Vietnam: "04/12/2026 14:05" / "4 Dec 2026, 14:05". */
    public String dateTime(Instant moment) {
        if (moment == null) {
            return "";
        }
        return moment.atZone(VIETNAM).format(english(LocaleContextHolder.getLocale()) ? ENGLISH_TIME : VIETNAMESE_TIME);
    }

    /** The day of a moment in Vietnam (a submission at 23:30 UTC is the next day there). */
    public String day(Instant moment) {
        return moment == null ? "" : date(LocalDate.ofInstant(moment, VIETNAM));
    }

    /** A catalogue name in the page's language (the Vietnamese one when there is no English name). */
    public String name(String vietnamese, String english) {
        return english(LocaleContextHolder.getLocale()) && english != null && !english.isBlank() ? english : vietnamese;
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
