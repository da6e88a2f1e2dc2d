package vn.egov.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-up every service's {@code BoundedInputIT} (issue 20) shares, written once: the running service and its
 * database, a token issuer, the size message a field past its limit is refused with (in both languages), row
 * counts (nothing is stored when a field is refused), and the size of the largest record an aggregate's events
 * make in the outbox. A service's test extends it with its own {@code @SpringBootTest} on a random port against
 * the real infrastructure.
 */
public abstract class BoundedInputSupport {

    /** Bean Validation's {@code @Size} message as the services word it, Vietnamese (the default). */
    static final String VI_SIZE = "Độ dài (số ký tự hoặc số mục) phải từ %s đến %s.";

    /** The same on {@code Accept-Language: en}. */
    static final String EN_SIZE = "Length (characters or items) must be between %s and %s.";

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected final TestIssuer issuer = TestIssuer.shared();

    /** The running service over real HTTP. */
    protected ServiceConformance service() {
        return new ServiceConformance(port);
    }

    /**
     * The Vietnamese message of a {@code @Size(min, max)} refused; the bounds as the message formats them
     * ({@code "1.000"} in Vietnamese, {@code "1,000"} in English).
     */
    protected static String viSize(String min, String max) {
        return VI_SIZE.formatted(min, max);
    }

    /** The English message of a {@code @Size(min, max)} refused. */
    protected static String enSize(String min, String max) {
        return EN_SIZE.formatted(min, max);
    }

    /** {@code select count(*) …} with its parameters: what a refused request must not have changed. */
    protected long count(String sql, Object... parameters) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object parameter : parameters) {
            statement = statement.param(parameter);
        }
        return statement.query(Long.class).single();
    }

    /**
     * The largest record, as Kafka's producer will measure it ({@link EventSizes#recordSize}), among the outbox
     * rows of one event key; fails when there is none.
     */
    protected int largestOutboxRecord(String eventKey) {
        return jdbc
                .sql("select event_key, payload from outbox_event where event_key = ?")
                .param(eventKey)
                .query((rs, i) -> EventSizes.recordSize(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElseThrow(() -> new AssertionError("no outbox row with the key " + eventKey));
    }
}
