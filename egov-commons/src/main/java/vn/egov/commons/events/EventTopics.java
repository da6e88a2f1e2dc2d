package vn.egov.commons.events;

/** Topic names of docs/design/architecture.md. The record key is always the aggregate id (keeps per-aggregate order). */
public final class EventTopics {

    public static final String IDENTITY = "egov.identity.events";
    public static final String DOSSIER = "egov.dossier.events";
    public static final String PAYMENT = "egov.payment.events";

    private EventTopics() {}

    /**
     * The CloudEvents {@code source} of the one service that writes the topic (its application name: the source
     * every publisher sets, see {@link EgovEventsAutoConfiguration}), or null for a topic of no known writer.
     * Consumers refuse an event on the topic from any other source ({@link EventReader#read(String, String)}): the
     * broker's ACLs let only the owner write there, and this check catches what gets past them (an ACL set wrong, a
     * tool or a replay writing to the wrong topic).
     */
    public static String writerOf(String topic) {
        return switch (topic) {
            case IDENTITY -> "/identity-service";
            case DOSSIER -> "/dossier-service";
            case PAYMENT -> "/payment-service";
            default -> null;
        };
    }

    /** The dead-letter topic of one consumer group: {@code <topic>.<group>.dlq}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
