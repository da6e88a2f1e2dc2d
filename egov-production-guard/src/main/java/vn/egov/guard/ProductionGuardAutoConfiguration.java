package vn.egov.guard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers {@link ProductionGuard} in every service (through egov-commons) and in the gateway. */
@AutoConfiguration
public class ProductionGuardAutoConfiguration {

    @Bean
    static ProductionGuard egovProductionGuard() {
        return new ProductionGuard();
    }
}
