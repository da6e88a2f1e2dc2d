package vn.egov.payment.receipt;

import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventFormatException;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.AgencyChangedV1;

/**
 * Keeps {@code agency_receipt_series} a replica of the agency registry's receipt series (identity-service owns them,
 * decision 60): each {@code vn.egov.identity.agency-changed.v1} carries the agency's whole state and its version, taken
 * when newer than the row's. The registry announces every changed agency again after each start and daily, so reading the topic from its
 * start (a new installation) finds the current series. A series that is not one (a '/', lower case) is a format error
 * for the dead-letter topic, never a receipt number.
 */
@Component
class AgencySeriesListener {

    private static final Pattern SERIES = Pattern.compile("[0-9A-Z.-]{1,32}");
    private static final Logger log = LoggerFactory.getLogger(AgencySeriesListener.class);

    private final EventReader reader;
    private final ReceiptNumbers numbers;

    AgencySeriesListener(EventReader reader, ReceiptNumbers numbers) {
        this.reader = reader;
        this.numbers = numbers;
    }

    /** identity-service's events: agency changes are taken, the others (about people) are not this service's. */
    @KafkaListener(topics = EventTopics.IDENTITY, groupId = "payment-service")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (!AgencyChangedV1.TYPE.equals(event.type())) {
            return;
        }
        AgencyChangedV1 changed = reader.data(event, AgencyChangedV1.class, "code", "receiptSeries", "changedAt");
        if (!SERIES.matcher(changed.receiptSeries()).matches()) {
            throw new EventFormatException("agency " + changed.code() + " has a receipt series that is not one");
        }
        if (numbers.replicate(changed.code(), changed.receiptSeries(), changed.version(), changed.changedAt())) {
            log.info(
                    "agency {} numbers its receipts in series {} (registry version {})",
                    changed.code(),
                    changed.receiptSeries(),
                    changed.version());
        }
    }
}
