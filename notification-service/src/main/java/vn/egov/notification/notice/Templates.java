package vn.egov.notification.notice;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.commons.time.VietnamTime;

/**
 * The templates of {@code template} (highest active version per kind and language, Vietnamese when a
 * language has none), rendered with Mustache. Values are formatted for people in Vietnam: dates
 * dd/MM/yyyy, instants in Asia/Ho_Chi_Minh, amounts as whole VND with the language's grouping.
 */
@Component
class Templates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private record Source(String title, String body, String sms) {}

    private final JdbcClient jdbc;
    private final Mustache.Compiler plain = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .nullValue("")
            .emptyStringIsFalse(true)
            .zeroIsFalse(true);
    private final Mustache.Compiler html = plain.escapeHTML(true);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Rendered> render(String kind, String language, Map<String, Object> rawValues) {
        Optional<Source> source = find(kind, language).or(() -> find(kind, "vi"));
        return source.map(s -> {
            Map<String, Object> values = format(rawValues, language);
            String body = compile(plain, s.body()).execute(values);
            String htmlBody = "<p>" + compile(html, s.body()).execute(values).replace("\n", "<br>\n") + "</p>";
            return new Rendered(
                    compile(plain, s.title()).execute(values),
                    body,
                    htmlBody,
                    compile(plain, s.sms()).execute(values));
        });
    }

    private Optional<Source> find(String kind, String language) {
        // read each time: a new template version applies to the next notice without a restart
        return jdbc.sql("""
                        select title, body, sms from template where kind = ? and language = ? and active
                        order by version desc limit 1""")
                .param(kind)
                .param(language)
                .query((rs, i) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private Template compile(Mustache.Compiler compiler, String text) {
        return compiled.computeIfAbsent((compiler == html ? "h:" : "p:") + text, k -> compiler.compile(text));
    }

    static Map<String, Object> format(Map<String, Object> raw, String language) {
        Map<String, Object> out = new HashMap<>();
        raw.forEach((key, value) -> {
            Object formatted;
            if (value == null) {
                formatted = "";
            } else if (value instanceof Boolean b) {
                formatted = b; // a section ({{#emailChanged}}…{{/emailChanged}})
            } else if (value instanceof LocalDate d) {
                formatted = DATE.format(d);
            } else if (value instanceof Instant t) {
                formatted = DATE_TIME.format(VietnamTime.at(t));
            } else if (value instanceof Long amount && "amount".equals(key)) {
                formatted = amount == 0 ? "" : vnd(amount, language);
            } else if (value instanceof Collection<?> c) {
                formatted = String.join(", ", c.stream().map(String::valueOf).toList());
            } else {
                formatted = value.toString();
            }
            out.put(key, formatted);
        });
        return out;
    }

    /** Whole VND: {@code 1.500.000 đồng} in Vietnamese, {@code 1,500,000 VND} in English. */
    static String vnd(long amount, String language) {
        boolean vi = !"en".equals(language);
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator(vi ? '.' : ',');
        symbols.setDecimalSeparator(vi ? ',' : '.');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        return format.format(BigDecimal.valueOf(amount)) + (vi ? " đồng" : " VND");
    }
}
