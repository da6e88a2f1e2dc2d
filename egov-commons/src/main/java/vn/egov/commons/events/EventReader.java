package vn.egov.commons.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads Kafka record values as CloudEvents and their data as contract records. */
public class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    public CloudEvent read(String value) {
        if (value == null) {
            throw new EventFormatException("empty record");
        }
        try {
            return json.readValue(value, CloudEvent.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new EventFormatException("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new EventFormatException("data of " + event.type() + " is not a " + type.getSimpleName(), e);
        }
    }
}
