package vn.egov.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The secrets and keys this repository publishes for local runs, and the rules that recognise their kind.
 * A value is a development value when it is one of the listed values (every development default of the
 * services, ./egov, docker-compose.yml and the local realm: {@code vn-egov-guard-development-values.txt}), or
 * when it follows the repository's naming of development values: a client secret ending in
 * {@code -dev-secret}, or a passphrase saying {@code local-run-only}.
 */
public final class DevelopmentValues {

    private static final String RESOURCE = "/vn-egov-guard-development-values.txt";
    private static final Set<String> KNOWN = load();

    private DevelopmentValues() {}

    /** Whether {@code value} is a development secret or key of this repository (by value or by its naming). */
    public static boolean isDevelopmentValue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (KNOWN.contains(v) || lower.endsWith("-dev-secret") || lower.contains("local-run-only")) {
            return true;
        }
        // a JAAS line (Kafka's sasl.jaas.config) carries its password inside: password="..."
        Matcher jaas = JAAS_PASSWORD.matcher(v);
        while (jaas.find()) {
            if (isDevelopmentValue(jaas.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

    /** The listed values (for the test that keeps the list complete). */
    public static Set<String> known() {
        return KNOWN;
    }

    private static Set<String> load() {
        try (InputStream in = DevelopmentValues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
