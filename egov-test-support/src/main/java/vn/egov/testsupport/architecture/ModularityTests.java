package vn.egov.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's checks, written once; a service's {@code ModularityTest} implements this interface and names
 * its application class. Each direct subpackage of the application's package is a module: no cycles between
 * modules, and a module uses only what another publishes (types at its package root, not in its subpackages,
 * unless named). The module documentation (a diagram and a canvas per module) goes to
 * {@code target/spring-modulith-docs}.
 */
public interface ModularityTests {

    /** The {@code @SpringBootApplication} class. */
    Class<?> application();

    @Test
    default void modulesKeepTheirBoundaries() {
        Modules.of(application()).verify();
    }

    @Test
    default void writesTheModuleDocumentation() {
        ApplicationModules modules = Modules.of(application());
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();

        assertThat(folder.resolve("components.puml")).isNotEmptyFile();
        modules.forEach(module -> assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml"))
                .isNotEmptyFile());
    }

    /** Reading the classes takes seconds: once per application and test JVM. */
    final class Modules {

        private static final Map<Class<?>, ApplicationModules> READ = new ConcurrentHashMap<>();

        private Modules() {}

        static ApplicationModules of(Class<?> application) {
            return READ.computeIfAbsent(application, ApplicationModules::of);
        }
    }
}
