package vn.egov.commons.events;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform's Kafka consumer defaults, added as the <em>last</em> property source (a service's application.yml,
 * its environment and the command line still win).
 *
 * <p>A consumer that dies without leaving its group (a {@code kill -9}, a lost node) keeps its partitions until the
 * broker stops hearing from it: the session timeout. The client's default, 45 s, left a restarted
 * notification-service without its partitions for most of a minute (FaultsUnderLoadIT: recovered after 52 s, the
 * restart itself took 20 s). 10 s, with a heartbeat every 3 s (a third of it, as Kafka advises), hands a dead
 * instance's partitions to the others, or to its restart, within seconds; the heartbeat runs on its own thread, so a
 * slow record does not count against it ({@code max.poll.interval.ms} does that, unchanged).
 */
public class KafkaConsumerDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "egovKafkaConsumerDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.kafka.consumer.properties.session.timeout.ms", "10000",
            "spring.kafka.consumer.heartbeat-interval", "3s");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
