package vn.egov.guard;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service or the gateway outside the {@code local} and {@code test} profiles when its
 * configuration is unsafe ({@link ProductionChecks}). Production is the default: a plain
 * {@code java -jar}, a container, any profile other than those two. {@code ./egov up} and
 * docker-compose.yml run with {@code local}, the build's tests with {@code test}.
 *
 * <p>A bean factory post-processor, so that it runs before any bean is created: a refused service has not
 * migrated a database, joined a consumer group or opened a port.
 */
public class ProductionGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private static final Log log = LogFactory.getLog(ProductionGuard.class);

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!ProductionChecks.applies(environment)) {
            log.info("Production guard stands aside: profile "
                    + Arrays.stream(environment.getActiveProfiles())
                            .filter(ProductionChecks.LOCAL_PROFILES::contains)
                            .findFirst()
                            .orElse("?")
                    + " active (development values allowed)");
            return;
        }
        List<String> problems = ProductionChecks.problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems, List.of(environment.getActiveProfiles()));
        }
        log.info("Production guard: configuration checked (no local or test profile active)");
    }
}
