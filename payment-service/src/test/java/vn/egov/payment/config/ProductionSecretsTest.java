package vn.egov.payment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import vn.egov.commons.security.ProductionSecretsGuard;

/** The merchant secret's development default must never reach production. */
class ProductionSecretsTest {

    @Test
    void theProdProfileRefusesTheDevelopmentMerchantSecret() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        yaml.forEach(env.getPropertySources()::addLast);

        assertThat(env.getProperty("egov.security.checked-secrets[1]")).isEqualTo("egov.payment.vnpay.hash-secret");
        ProductionSecretsGuard guard = new ProductionSecretsGuard(env, List.of("egov.payment.vnpay.hash-secret"));
        assertThatThrownBy(guard::afterPropertiesSet).hasMessageContaining("egov.payment.vnpay.hash-secret");

        System.setProperty("VNPAY_HASH_SECRET", "Zq8vN3kR7wT1yU5pL0sD4fG6hJ2");
        try {
            StandardEnvironment real = new StandardEnvironment();
            yaml.forEach(real.getPropertySources()::addLast);
            new ProductionSecretsGuard(real, List.of("egov.payment.vnpay.hash-secret")).afterPropertiesSet();
        } finally {
            System.clearProperty("VNPAY_HASH_SECRET");
        }
    }
}
