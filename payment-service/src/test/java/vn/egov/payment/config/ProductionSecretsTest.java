package vn.egov.payment.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import vn.egov.guard.ProductionChecks;

/** The merchant secret's development default must never reach production. */
class ProductionSecretsTest {

    @Test
    void outsideTheLocalProfileTheDevelopmentMerchantSecretIsRefused() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        yaml.forEach(env.getPropertySources()::addLast);

        assertThat(env.getProperty("egov.security.checked-secrets[1]")).isEqualTo("egov.payment.vnpay.hash-secret");
        assertThat(ProductionChecks.problems(env)).contains("egov.payment.vnpay.hash-secret has a development value");

        System.setProperty("VNPAY_HASH_SECRET", "Zq8vN3kR7wT1yU5pL0sD4fG6hJ2");
        try {
            StandardEnvironment real = new StandardEnvironment();
            yaml.forEach(real.getPropertySources()::addLast);
            assertThat(ProductionChecks.problems(real))
                    .noneSatisfy(p -> assertThat(p).startsWith("egov.payment.vnpay.hash-secret"));
        } finally {
            System.clearProperty("VNPAY_HASH_SECRET");
        }
    }
}
