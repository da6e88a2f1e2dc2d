package vn.egov.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The images' build configuration (profiles {@code images} and {@code images-docker}, decision 34), checked without
 * a registry or a Docker daemon: Jib bound at {@code package}, a Java 21+ base, a numeric non-root user, reproducible
 * times; each module with an image names a main class that exists and a port its application listens on; every
 * {@code egov/*} image that docker-compose.yml or the Kubernetes base runs is built by one of them, and every image
 * built is run by the compose file.
 */
class ImageConfigurationTest {

    static final Set<String> WITH_IMAGES = Set.of(
            "gateway-service",
            "identity-service",
            "dossier-service",
            "payment-service",
            "notification-service",
            "web-portal",
            "devstack");

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void bothProfilesBindJibAtPackageWithAJava21BaseANonRootUserAndReproducibleTimes() throws Exception {
        Document root = pom(Manifests.root().resolve("pom.xml"));
        Map<String, String> properties = properties(root, Map.of());
        for (String[] profile : new String[][] {{"images", "build"}, {"images-docker", "dockerBuild"}}) {
            Element jib = jibIn(profileNamed(root, profile[0]));
            assertThat(text(jib, "executions/execution/phase")).as(profile[0]).isEqualTo("package");
            assertThat(text(jib, "executions/execution/goals/goal"))
                    .as(profile[0])
                    .isEqualTo(profile[1]);
        }
        Element managed = jibIn(child(child(child(root.getDocumentElement(), "build"), "pluginManagement"), "plugins"));
        Element config = child(managed, "configuration");
        String base = resolve(text(config, "from/image"), properties);
        Matcher temurin = Pattern.compile("eclipse-temurin:(\\d+)-jre.*").matcher(base);
        assertThat(temurin.matches()).as("a Temurin JRE base: %s", base).isTrue();
        assertThat(Integer.parseInt(temurin.group(1)))
                .as("Java of the base image")
                .isGreaterThanOrEqualTo(21);
        String user = text(config, "container/user");
        assertThat(user).matches("\\d+:\\d+");
        assertThat(Integer.parseInt(user.split(":")[0])).as("uid").isPositive();
        assertThat(user).isEqualTo("10001:10001"); // the manifests' runAsUser/runAsGroup
        assertThat(text(config, "container/creationTime")).isEqualTo("EPOCH");
        assertThat(text(config, "skip")).isEqualTo("${egov.image.skip}");
        assertThat(properties.get("egov.image.skip"))
                .as("no image unless a module asks")
                .isEqualTo("true");
        assertThat(texts(config, "container/jvmFlags/jvmFlag")).contains("-XX:MaxRAMPercentage=75");
        assertThat(resolve(text(config, "to/image"), properties))
                .isEqualTo("egov/${project.artifactId}:${project.version}");
    }

    @Test
    void eachModuleWithAnImageHasAMainClassThatExistsAndThePortItsApplicationListensOn() throws Exception {
        Map<String, String> rootProperties = properties(pom(Manifests.root().resolve("pom.xml")), Map.of());
        Set<String> withImages = new TreeSet<>();
        try (Stream<Path> poms = Files.list(Manifests.root())) {
            for (Path module :
                    poms.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                Map<String, String> p = properties(pom(module.resolve("pom.xml")), rootProperties);
                if (!"false".equals(p.get("egov.image.skip"))) {
                    continue;
                }
                String name = module.getFileName().toString();
                withImages.add(name);
                String main = p.get("egov.image.main-class");
                Path source = module.resolve("src/main/java/" + main.replace('.', '/') + ".java");
                assertThat(source).as("%s's main class", name).exists();
                assertThat(Files.readString(source)).contains("public static void main(String[] args)");
                String port = p.get("egov.image.port");
                Path yml = module.resolve("src/main/resources/application.yml");
                if (Files.exists(yml)) {
                    Matcher server = Pattern.compile(
                                    "(?m)^server:\\s*\\n(?:\\s+#.*\\n)*\\s+port: \\$\\{SERVER_PORT:(\\d+)}")
                            .matcher(Files.readString(yml));
                    assertThat(server.find()).as("%s's server.port", name).isTrue();
                    assertThat(port).as("%s's image port", name).isEqualTo(server.group(1));
                }
            }
        }
        assertThat(withImages).isEqualTo(new TreeSet<>(WITH_IMAGES));
    }

    @Test
    void everyEgovImageTheComposeFileAndTheManifestsRunIsBuiltAndEveryBuiltOneIsRun() throws Exception {
        Map<String, String> rootProperties = properties(pom(Manifests.root().resolve("pom.xml")), Map.of());
        Set<String> built = new TreeSet<>();
        for (String module : WITH_IMAGES) {
            Map<String, String> p =
                    properties(pom(Manifests.root().resolve(module).resolve("pom.xml")), rootProperties);
            built.add(p.getOrDefault("egov.image.name", "${project.artifactId}")
                    .replace("${project.artifactId}", module));
        }
        Set<String> composed = new TreeSet<>();
        Map<String, Object> compose =
                new Yaml().load(Files.readString(Manifests.root().resolve("docker-compose.yml")));
        Map<?, ?> services = (Map<?, ?>) compose.get("services");
        services.forEach((name, definition) -> {
            Object image = ((Map<?, ?>) definition).get("image");
            if (image instanceof String i && i.startsWith("egov/")) {
                composed.add(i.substring("egov/".length(), i.indexOf(':')));
            }
        });
        assertThat(composed).as("egov images in docker-compose.yml").isEqualTo(built);

        Set<String> deployed = new TreeSet<>();
        Pattern image = Pattern.compile("(?m)^\\s+image: egov/([a-z-]+):");
        try (Stream<Path> files = Files.walk(Manifests.root().resolve("deploy/kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = image.matcher(Files.readString(file));
                while (m.find()) {
                    deployed.add(m.group(1));
                }
            }
        }
        assertThat(built).as("the Kubernetes manifests run built images only").containsAll(deployed);
        assertThat(deployed)
                .as("every service and the portal run in Kubernetes")
                .hasSize(6);
    }

    @Test
    void theSimulatorsImageRunsOnlyWhatTheSimulatorsNeedAndEachComposeSimulatorNamesAClassThatExists()
            throws Exception {
        Document devstack = pom(Manifests.root().resolve("devstack/pom.xml"));
        Element jib = jibIn(child(child(devstack.getDocumentElement(), "build"), "plugins"));
        List<String> entrypoint = texts(child(jib, "configuration"), "container/entrypoint/arg");
        assertThat(entrypoint).startsWith("java").endsWith("-cp", "@/app/jib-classpath-file");
        List<String> globs = texts(
                child(jib, "configuration"), "pluginExtensions/pluginExtension/configuration/filters/filter/glob");
        assertThat(globs).containsExactly("/app/libs/**", "/app/libs/{slf4j-api,logback-classic,logback-core}-*.jar");

        Map<String, Object> compose =
                new Yaml().load(Files.readString(Manifests.root().resolve("docker-compose.yml")));
        List<String> mains = new ArrayList<>();
        ((Map<?, ?>) compose.get("services")).forEach((name, definition) -> {
            Map<?, ?> d = (Map<?, ?>) definition;
            if (String.valueOf(d.get("image")).startsWith("egov/simulators:")
                    && d.get("command") instanceof List<?> c) {
                mains.add(String.valueOf(c.get(0)));
            }
        });
        assertThat(mains).hasSize(4);
        for (String main : mains) {
            assertThat(Manifests.root().resolve("devstack/src/main/java/" + main.replace('.', '/') + ".java"))
                    .exists();
        }
    }

    // ---------------------------------------------------------------- a few lines of DOM

    static Document pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The pom's {@code <properties>} over the parent's (given). */
    static Map<String, String> properties(Document pom, Map<String, String> parent) {
        Map<String, String> properties = new LinkedHashMap<>(parent);
        Element own = child(pom.getDocumentElement(), "properties");
        if (own != null) {
            NodeList children = own.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    static String resolve(String value, Map<String, String> properties) {
        String resolved = value;
        for (int i = 0; i < 5; i++) {
            Matcher m = PROPERTY.matcher(resolved);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
            }
            m.appendTail(out);
            resolved = out.toString();
        }
        return resolved;
    }

    static Element profileNamed(Document pom, String id) {
        NodeList profiles = pom.getDocumentElement().getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (id.equals(text(profile, "id"))) {
                return child(child(profile, "build"), "plugins");
            }
        }
        throw new AssertionError("no profile " + id);
    }

    static Element jibIn(Element plugins) {
        NodeList list = plugins.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element plugin && "jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new AssertionError("no jib-maven-plugin");
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static String text(Element parent, String path) {
        Element e = parent;
        for (String step : path.split("/")) {
            e = child(e, step);
        }
        return e == null ? null : e.getTextContent().strip();
    }

    static List<String> texts(Element parent, String path) {
        String[] steps = path.split("/");
        List<Element> level = List.of(parent);
        for (String step : steps) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element c && c.getTagName().equals(step)) {
                        next.add(c);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().strip()).toList();
    }
}
