package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A consumer takes an event on one of the platform's topics only from the service that writes that topic. */
class EventReaderSourceTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventReader reader = new EventReader(json);

    private String event(String source) {
        return json.writeValueAsString(new CloudEvent(
                CloudEvent.SPEC_VERSION,
                "e-1",
                source,
                "vn.egov.dossier.submitted.v1",
                "000.00.01.H26-261205-0001",
                Instant.parse("2026-12-05T03:00:00Z").toString(),
                "application/json",
                null,
                null,
                json.valueToTree(java.util.Map.of("dossierCode", "000.00.01.H26-261205-0001"))));
    }

    @Test
    void anEventFromTheTopicsWriterIsRead() {
        assertThat(reader.read(EventTopics.DOSSIER, event("/dossier-service")).source())
                .isEqualTo("/dossier-service");
    }

    @Test
    void anEventFromAnotherSourceIsAFormatErrorThatNamesBothSources() {
        assertThatThrownBy(() -> reader.read(EventTopics.DOSSIER, event("/payment-service")))
                .isInstanceOf(EventFormatException.class)
                .hasMessage(
                        "event from source /payment-service on egov.dossier.events, which only /dossier-service writes");
        assertThatThrownBy(() -> reader.read(EventTopics.PAYMENT, event("/dossier-service")))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> reader.read(EventTopics.IDENTITY, event("/identity-service-evil")))
                .isInstanceOf(EventFormatException.class);
    }

    @Test
    void eachTopicHasItsOneWriterAndOtherTopicsAreNotChecked() {
        assertThat(EventTopics.writerOf(EventTopics.IDENTITY)).isEqualTo("/identity-service");
        assertThat(EventTopics.writerOf(EventTopics.DOSSIER)).isEqualTo("/dossier-service");
        assertThat(EventTopics.writerOf(EventTopics.PAYMENT)).isEqualTo("/payment-service");
        assertThat(reader.read("egov.test.events", event("/anyone")).source()).isEqualTo("/anyone");
    }
}
