package vn.egov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What a service module reads and uses, from its own files: its application.yml (placeholders, ports, actuator,
 * the secrets the production guard checks) and its sources (the topics it publishes to and consumes).
 */
record ServiceSources(
        String module,
        Map<String, Object> config,
        Map<String, String> placeholders,
        Set<String> produced,
        Map<String, String> consumed) {

    /** {@code ${NAME}} or {@code ${NAME:default}}, environment variables only (upper case). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("public static final String ([A-Z_]+) = \"([^\"]+)\";");
    private static final Pattern TOPIC_USE = Pattern.compile("EventTopics\\.([A-Z_]+)\\b");
    private static final Pattern GROUP_ID = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");

    static ServiceSources of(String module) {
        Path root = Manifests.root();
        Path yml = root.resolve(module).resolve("src/main/resources/application.yml");
        String text = read(yml);
        Map<String, String> placeholders = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            // null: no default at all
            placeholders.putIfAbsent(m.group(1), m.group(2));
        }
        Map<String, Object> config = new Yaml().load(text);

        Map<String, String> topicNames = new TreeMap<>();
        Matcher constants = TOPIC_CONSTANT.matcher(
                read(root.resolve("egov-commons/src/main/java/vn/egov/commons/events/EventTopics.java")));
        while (constants.find()) {
            topicNames.put(constants.group(1), constants.group(2));
        }
        String defaultGroup = String.valueOf(Manifests.at(config, "spring", "kafka", "consumer", "group-id"));
        Set<String> produced = new TreeSet<>();
        Map<String, String> consumed = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = read(file);
                int from = 0;
                StringBuilder outside = new StringBuilder();
                int at;
                while ((at = source.indexOf("@KafkaListener(", from)) >= 0) {
                    outside.append(source, from, at);
                    int end = closing(source, at + "@KafkaListener".length());
                    String annotation = source.substring(at, end);
                    Matcher group = GROUP_ID.matcher(annotation);
                    String groupId = group.find() ? group.group(1) : defaultGroup;
                    Matcher use = TOPIC_USE.matcher(annotation);
                    while (use.find()) {
                        consumed.put(topic(topicNames, use.group(1), file), groupId);
                    }
                    from = end;
                }
                outside.append(source.substring(from));
                Matcher use = TOPIC_USE.matcher(outside);
                while (use.find()) {
                    produced.add(topic(topicNames, use.group(1), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceSources(module, config, placeholders, produced, consumed);
    }

    /** The environment variable a property's placeholder names ({@code spring.datasource.password} → DB_PASSWORD). */
    String environmentVariableOf(String property) {
        Object value = config;
        for (String key : property.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        Matcher m = PLACEHOLDER.matcher(String.valueOf(value));
        if (!m.find()) {
            throw new AssertionError(module + ": " + property + " is not read from an environment variable: " + value);
        }
        return m.group(1);
    }

    /** The properties egov-production-guard checks (egov.security.checked-secrets and checked-keys). */
    List<String> checkedSecrets() {
        return Stream.concat(
                        Manifests.list(config, "egov", "security", "checked-secrets").stream(),
                        Manifests.list(config, "egov", "security", "checked-keys").stream())
                .map(String::valueOf)
                .toList();
    }

    int serverPort() {
        return Integer.parseInt(placeholders.get("SERVER_PORT"));
    }

    private static String topic(Map<String, String> names, String constant, Path file) {
        String name = names.get(constant);
        if (name == null) {
            throw new AssertionError(file + " uses EventTopics." + constant + ", which EventTopics does not define");
        }
        return name;
    }

    private static int closing(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalStateException("unbalanced annotation");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
