package vn.egov.payment.dossier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;

/**
 * Keeps {@link DossierFeeBook} from dossier-service's lifecycle events. Its own consumer group
 * ({@code payment-service.dossier-fees}): a second listener in group {@code payment-service} would take half the
 * partitions from the refund listener. Recording is an upsert of the event's facts, so a redelivery changes nothing.
 * A lifecycle event without its dossier, agency or applicant goes to the dead-letter topic at once.
 */
@Component
class DossierFeesListener {

    private static final Logger log = LoggerFactory.getLogger(DossierFeesListener.class);

    private final EventReader reader;
    private final DossierFeeBook book;

    DossierFeesListener(EventReader reader, DossierFeeBook book) {
        this.reader = reader;
        this.book = book;
    }

    @KafkaListener(topics = EventTopics.DOSSIER, groupId = "payment-service.dossier-fees")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (!DossierLifecycleEventV1.TYPES.contains(event.type())) {
            return;
        }
        DossierLifecycleEventV1 dossier =
                reader.data(event, DossierLifecycleEventV1.class, "dossierCode", "agencyCode", "applicantSubject");
        book.record(dossier);
        log.debug("dossier {} ({}): fee {} VND recorded", dossier.dossierCode(), event.type(), dossier.feeVnd());
    }
}
