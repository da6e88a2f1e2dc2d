package vn.egov.guard;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

/**
 * The checks of {@link ProductionGuard}, as a function of the environment (so a test can run them on a
 * service's own application.yml). Each problem names a property and the rule it breaks, never its value.
 *
 * <ul>
 *   <li>no property anywhere holds a {@linkplain DevelopmentValues development secret or key};
 *   <li>each of {@code egov.security.checked-secrets} is set, at least 16 characters and not a word a person
 *       chose ({@link SecretRules#secretProblem});
 *   <li>each of {@code egov.security.checked-keys} is base64 of 32 random bytes ({@link SecretRules#keyProblem});
 *   <li>the token issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) is an https address that
 *       is not loopback: the public origin citizens sign in at;
 *   <li>with {@code egov.security.separate-management-port} (the gateway), {@code management.server.port} is set
 *       and is not the public port, so metrics and the actuator are not on the public origin;
 *   <li>none of {@code egov.security.local-only-flags} (switches for tests, e.g. dossier-service's movable
 *       clock) is true;
 *   <li>each of {@code egov.security.required-flags} (protections a local run over plain http switches off, e.g.
 *       web-portal's secure session cookie) is true, or unset with a true default;
 *   <li>{@code egov.security.realm-file}, when set, passes {@link RealmFileCheck}.
 * </ul>
 */
public final class ProductionChecks {

    /** Profiles in which development values are expected and nothing is checked. */
    public static final List<String> LOCAL_PROFILES = List.of("local", "test");

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private ProductionChecks() {}

    /** Whether the checks apply: no local or test profile is active. */
    public static boolean applies(Environment environment) {
        return !environment.acceptsProfiles(Profiles.of(String.join(" | ", LOCAL_PROFILES)));
    }

    public static List<String> problems(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        List<String> secrets = binder.bind("egov.security.checked-secrets", Bindable.listOf(String.class))
                .orElse(List.of());
        List<String> keys = binder.bind("egov.security.checked-keys", Bindable.listOf(String.class))
                .orElse(List.of());
        Map<String, String> problems = new LinkedHashMap<>();
        for (String name : keys) {
            SecretRules.keyProblem(value(environment, name)).ifPresent(p -> problems.put(name, name + " " + p));
        }
        for (String name : secrets) {
            if (!keys.contains(name)) {
                SecretRules.secretProblem(value(environment, name)).ifPresent(p -> problems.put(name, name + " " + p));
            }
        }
        for (String name : propertyNames(environment)) {
            if (!problems.containsKey(name) && DevelopmentValues.isDevelopmentValue(value(environment, name))) {
                problems.put(name, name + " has a development value");
            }
        }
        List<String> all = new ArrayList<>(problems.values());
        issuerProblem(value(environment, ISSUER)).ifPresent(all::add);
        if (binder.bind("egov.security.separate-management-port", Boolean.class).orElse(false)) {
            managementPortProblem(environment).ifPresent(all::add);
        }
        for (String flag : binder.bind("egov.security.local-only-flags", Bindable.listOf(String.class))
                .orElse(List.of())) {
            if ("true".equalsIgnoreCase(String.valueOf(value(environment, flag)).strip())) {
                all.add(flag + " is on: it is for local runs and tests only");
            }
        }
        for (String flag : binder.bind("egov.security.required-flags", Bindable.listOf(String.class))
                .orElse(List.of())) {
            String value = value(environment, flag);
            if (value != null && !"true".equalsIgnoreCase(value.strip())) {
                all.add(flag + " is off: it may be off only in local runs over plain http");
            }
        }
        String realmFile = value(environment, "egov.security.realm-file");
        if (realmFile != null && !realmFile.isBlank()) {
            all.addAll(RealmFileCheck.problems(Path.of(realmFile.strip())));
        }
        return all;
    }

    static Optional<String> issuerProblem(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(issuer.strip());
        } catch (URISyntaxException e) {
            return Optional.of(ISSUER + " is not an address");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(ISSUER + " is not https (tokens name the public origin citizens sign in at)");
        }
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")) {
            return Optional.of(ISSUER + " is a loopback address (tokens name the public origin)");
        }
        return Optional.empty();
    }

    private static Optional<String> managementPortProblem(Environment environment) {
        String management = value(environment, "management.server.port");
        if (management == null || management.isBlank()) {
            return Optional.of("management.server.port is not set: the actuator (metrics) would be on the public"
                    + " origin (set MANAGEMENT_SERVER_PORT to an internal port)");
        }
        String server = Optional.ofNullable(value(environment, "server.port")).orElse("8080");
        if (management.strip().equals(server.strip())) {
            return Optional.of("management.server.port is the public port: the actuator (metrics) would be on the"
                    + " public origin");
        }
        return Optional.empty();
    }

    private static Set<String> propertyNames(ConfigurableEnvironment environment) {
        Set<String> names = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                names.addAll(List.of(enumerable.getPropertyNames()));
            }
        }
        return names;
    }

    /** The resolved value, or null when unset or when a placeholder in it cannot be resolved. */
    private static String value(Environment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }
}
