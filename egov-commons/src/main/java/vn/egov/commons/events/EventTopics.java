package vn.egov.commons.events;

/** Topic names of docs/design/architecture.md. The record key is always the aggregate id (keeps per-aggregate order). */
public final class EventTopics {

    public static final String IDENTITY = "egov.identity.events";
    public static final String DOSSIER = "egov.dossier.events";
    public static final String PAYMENT = "egov.payment.events";

    private EventTopics() {}

    /** The dead-letter topic of one consumer group: {@code <topic>.<group>.dlq}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
