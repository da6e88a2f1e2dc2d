package vn.egov.commons.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile, refuses to start when a secret is missing or still has a development
 * value (the defaults in application.yml exist for a local run only).
 */
public class ProductionSecretsGuard implements InitializingBean {

    private static final List<String> DEV_MARKERS =
            List.of("dev", "changeit", "changeme", "secret", "password", "egov", "admin");

    private final Environment environment;
    private final List<String> checked;

    public ProductionSecretsGuard(Environment environment, List<String> checked) {
        this.environment = environment;
        this.checked = checked;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (String name : checked) {
            String value = environment.getProperty(name);
            if (value == null || value.isBlank()) {
                problems.add(name + " is not set");
            } else if (isDevelopmentValue(value)) {
                problems.add(name + " has a development value");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start in the prod profile: " + String.join("; ", problems));
        }
    }

    static boolean isDevelopmentValue(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.length() < 12
                || DEV_MARKERS.stream().anyMatch(m -> v.equals(m) || v.contains("-" + m) || v.startsWith(m + "-"));
    }
}
