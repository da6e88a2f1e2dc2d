package vn.egov.identity.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Province codes of birth registration (digits 1–3 of a CCCD), reference data read from
 * {@code reference/province-codes.csv}: the list changes by circular, not by release of this code.
 */
public final class ProvinceCodes {

    public static final String RESOURCE = "/reference/province-codes.csv";

    private static final ProvinceCodes BUNDLED = load(RESOURCE);

    private final Map<String, String> names;

    ProvinceCodes(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** The list shipped with the service. */
    public static ProvinceCodes bundled() {
        return BUNDLED;
    }

    static ProvinceCodes load(String resource) {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(ProvinceCodes.class.getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(";", 2);
                if (!parts[0].matches("\\d{3}") || parts.length < 2) {
                    throw new IllegalStateException("bad province line in " + resource + ": " + line);
                }
                names.put(parts[0], parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProvinceCodes(names);
    }

    public boolean contains(String code) {
        return names.containsKey(code);
    }

    public String name(String code) {
        return names.get(code);
    }

    public Map<String, String> all() {
        return names;
    }
}
