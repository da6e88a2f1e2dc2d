package vn.egov.testsupport;

import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-up every service's {@code *ServiceIT} shares, written once: the running service's port and a client
 * for it, its database, a token issuer, and the outbox hook of {@link ServiceConformanceTests}. A service's test
 * extends it with its own {@code @SpringBootTest} and names its topic and its event publisher:
 *
 * <pre>{@code
 * class DossierServiceIT extends ServiceTestSupport<EventPublisher> {
 *     DossierServiceIT() {
 *         super(EventTopics.DOSSIER, EventPublisher::publish);
 *     }
 * }
 * }</pre>
 *
 * <p>The publisher is a type parameter because egov-commons, where {@code EventPublisher} lives, has its own
 * tests on this module: this module cannot name it. Spring resolves the parameter from the subclass when it
 * injects the test instance.
 *
 * @param <P> the service's event publisher (egov-commons' {@code EventPublisher})
 */
public abstract class ServiceTestSupport<P> implements ServiceConformanceTests {

    /** How the publisher writes one event to the outbox (in the caller's transaction). */
    @FunctionalInterface
    public interface Publish<P> {
        void publish(P publisher, String topic, String type, String key, Object data);
    }

    private final String eventTopic;
    private final Publish<P> publish;

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TransactionTemplate transactions;

    @Autowired
    protected P events;

    protected final TestIssuer issuer = TestIssuer.shared();

    protected ServiceTestSupport(String eventTopic, Publish<P> publish) {
        this.eventTopic = eventTopic;
        this.publish = publish;
    }

    /** The running service over real HTTP. */
    protected ServiceConformance service() {
        return new ServiceConformance(port);
    }

    @Override
    public String eventTopic() {
        return eventTopic;
    }

    @Override
    public void publishThroughTheOutbox(String type, String key, Map<String, Object> data) {
        transactions.executeWithoutResult(s -> publish.publish(events, eventTopic, type, key, data));
    }
}
