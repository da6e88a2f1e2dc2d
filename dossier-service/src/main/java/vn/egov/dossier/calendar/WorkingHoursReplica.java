package vn.egov.dossier.calendar;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.egov.commons.events.CloudEvent;
import vn.egov.commons.events.EventFormatException;
import vn.egov.commons.events.EventReader;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.AgencyChangedV1;
import vn.egov.dossier.identity.AgencyRegistry;
import vn.egov.dossier.identity.IdentityProfiles;

/**
 * Keeps {@code agency_working_hours} a replica of the agency registry's working hours (identity-service owns them,
 * decision 60). Each {@code vn.egov.identity.agency-changed.v1} carries the agency's whole state and its version; the
 * row takes it when the version is newer, so a replayed, duplicated or late event changes nothing. Events of one agency
 * share the record key and arrive in order. The topic keeps a week: an instance whose group read from the topic's
 * start later than that (a new installation, a consumer down longer) catches up from the registry's list, read at
 * start and every {@code egov.dossier.registry-sync.interval} (1 h), which applies only rows the replica is behind on.
 */
@Component
class WorkingHoursReplica {

    private static final Logger log = LoggerFactory.getLogger(WorkingHoursReplica.class);

    private final EventReader reader;
    private final AgencyWorkingHours hours;
    private final AgencyRegistry registry;
    private final Clock clock;

    WorkingHoursReplica(EventReader reader, AgencyWorkingHours hours, AgencyRegistry registry, Clock clock) {
        this.reader = reader;
        this.hours = hours;
        this.registry = registry;
        this.clock = clock;
    }

    /** identity-service's events: agency changes are taken, the others (about people) are not this service's. */
    @KafkaListener(topics = EventTopics.IDENTITY, groupId = "dossier-service")
    void on(ConsumerRecord<String, String> record) {
        CloudEvent event = reader.read(record.topic(), record.value());
        if (!AgencyChangedV1.TYPE.equals(event.type())) {
            return;
        }
        AgencyChangedV1 changed = reader.data(event, AgencyChangedV1.class, "code", "workingHours", "changedAt");
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

    /** Catches up from the registry's list: only agencies whose registry version is newer than the row's. */
    @Scheduled(
            initialDelayString = "${egov.dossier.registry-sync.initial-delay:20s}",
            fixedDelayString = "${egov.dossier.registry-sync.interval:1h}")
    void catchUp() {
        Map<String, AgencyRegistry.Agency> agencies;
        try {
            agencies = registry.all();
        } catch (IdentityProfiles.IdentityUnavailableException e) {
            log.warn("agency registry unavailable, working hours not compared with it this round: {}", e.getMessage());
            return;
        }
        Map<String, Long> versions = hours.versions();
        int taken = 0;
        for (AgencyRegistry.Agency agency : agencies.values()) {
            if (agency.version() == null
                    || agency.workingHours() == null
                    || agency.version() <= versions.getOrDefault(agency.code(), 0L)) {
                continue;
            }
            try {
                if (hours.replicate(
                        agency.code(),
                        WorkingHours.parse(agency.workingHours()),
                        agency.workingHoursSource(),
                        agency.version(),
                        "agency-registry",
                        clock.instant())) {
                    taken++;
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                log.error(
                        "agency {} has working hours in the registry that do not parse: left as they were",
                        agency.code());
            }
        }
        if (taken > 0) {
            log.info("working hours of {} agencies caught up from the registry", taken);
        }
    }
}
