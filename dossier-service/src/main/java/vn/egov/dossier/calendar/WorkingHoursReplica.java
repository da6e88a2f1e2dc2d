package vn.egov.dossier.calendar;

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
 * Keeps {@code agency_working_hours} a replica of the agency registry's working hours (identity-service owns them,
 * decision 60). Each {@code vn.egov.identity.agency-changed.v1} carries the agency's whole state and its version; the
 * row takes it when the version is newer, so a replayed, duplicated or late event changes nothing. Events of one agency
 * share the record key and arrive in order. The registry announces every changed agency again after its start and
 * daily, so a group reading the topic from its start (a new installation, a consumer down longer than the topic's
 * week) finds each agency's current hours there.
 */
@Component
class WorkingHoursReplica {

    /** The registry's own limits (identity-service's AgencyController): anything longer is not one of its values. */
    static final int PERIODS_MAX = 100;

    static final int SOURCE_MAX = 300;

    private static final Logger log = LoggerFactory.getLogger(WorkingHoursReplica.class);

    private final EventReader reader;
    private final AgencyWorkingHours hours;

    WorkingHoursReplica(EventReader reader, AgencyWorkingHours hours) {
        this.reader = reader;
        this.hours = hours;
    }

    /** identity-service's events: agency changes are taken, the others (about people) are not this service's. */
    @KafkaListener(topics = EventTopics.IDENTITY, groupId = "dossier-service")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (!AgencyChangedV1.TYPE.equals(event.type())) {
            return;
        }
        AgencyChangedV1 changed = reader.data(event, AgencyChangedV1.class, "code", "workingHours", "changedAt");
        if (changed.workingHours().length() > PERIODS_MAX
                || (changed.workingHoursSource() != null
                        && changed.workingHoursSource().length() > SOURCE_MAX)) {
            throw new EventFormatException("agency " + changed.code() + " has working hours or a source too long");
        }
        WorkingHours parsed;
        try {
            parsed = WorkingHours.parse(changed.workingHours());
        } catch (RuntimeException e) {
            // never guessed: a registry that sends hours this service cannot count in is a bug to look at
            throw new EventFormatException("agency " + changed.code() + " has working hours that do not parse");
        }
        if (hours.replicate(
                changed.code(),
                parsed,
                changed.workingHoursSource(),
                changed.version(),
                changed.changedBy(),
                changed.changedAt())) {
            log.info(
                    "agency {} working hours {} from the registry (version {})",
                    changed.code(),
                    parsed,
                    changed.version());
        }
    }
}
