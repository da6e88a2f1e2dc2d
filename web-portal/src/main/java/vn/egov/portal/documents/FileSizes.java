package vn.egov.portal.documents;

import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A file's size in words a person reads ("1,5 MB", "320 KB"), for the templates ({@code @fileSizes.of(…)}). */
@Component("fileSizes")
public class FileSizes {

    public String of(long bytes) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        NumberFormat format = NumberFormat.getNumberInstance(english ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
        format.setMaximumFractionDigits(1);
        if (bytes >= 1024L * 1024) {
            return format.format(bytes / (1024.0 * 1024)) + " MB";
        }
        return format.format(Math.max(1, Math.round(bytes / 1024.0))) + " KB";
    }
}
