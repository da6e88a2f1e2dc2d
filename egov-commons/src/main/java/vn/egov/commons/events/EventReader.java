package vn.egov.commons.events;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kafka record values as CloudEvents and their data as contract records.
 *
 * <p>Its {@link EventFormatException}s never quote the record: Jackson's own messages cite the offending
 * token or value (a name, a phone number), and these messages are logged and copied into the
 * dead-letter record's headers. They say what kind of error and where (line, column, field path), and
 * carry no cause for the same reason.
 */
public class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * A record of {@code topic} as a CloudEvent from the topic's writer ({@link EventTopics#writerOf}): an event of
     * another source is a format error, so it goes to the dead-letter topic untouched and is never handled.
     */
    public CloudEvent read(String topic, String value) {
        CloudEvent event = read(value);
        String writer = EventTopics.writerOf(topic);
        if (writer != null && !writer.equals(event.source())) {
            throw new EventFormatException(
                    "event from source " + event.source() + " on " + topic + ", which only " + writer + " writes");
        }
        return event;
    }

    /** A record's value as a CloudEvent, whatever its source (consumers use {@link #read(String, String)}). */
    public CloudEvent read(String value) {
        if (value == null) {
            throw new EventFormatException("empty record (no value)");
        }
        try {
            return json.readValue(value, CloudEvent.class);
        } catch (JacksonException e) {
            throw new EventFormatException("not a CloudEvent: " + describe(e));
        } catch (IllegalArgumentException | NullPointerException e) {
            // the envelope's own checks (a missing id, source or type); their messages name only the attribute
            throw new EventFormatException("not a CloudEvent: " + e.getMessage());
        }
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            T data = json.treeToValue(event.data(), type);
            if (data == null) {
                throw new EventFormatException("data of " + event.type() + " is missing");
            }
            return data;
        } catch (JacksonException e) {
            throw new EventFormatException(
                    "data of " + event.type() + " is not a " + type.getSimpleName() + ": " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new EventFormatException("data of " + event.type() + " is not a " + type.getSimpleName());
        }
    }

    /**
     * The event's data, refused (as a format error: it goes to the dead-letter topic at once, retrying cannot
     * help) when any of the named components of the record {@code type} is null — the fields without which
     * this consumer cannot act on the event.
     */
    public <T extends Record> T data(CloudEvent event, Class<T> type, String... required) {
        T data = data(event, type);
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            RecordComponent component = Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no " + name));
            try {
                if (component.getAccessor().invoke(data) == null) {
                    missing.add(name);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + name, e);
            }
        }
        if (!missing.isEmpty()) {
            throw new EventFormatException("data of " + event.type() + " (" + event.id() + ") lacks " + missing);
        }
        return data;
    }

    /** The kind of error and where it is, never the offending text. */
    private static String describe(JacksonException e) {
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName());
        if (!e.getPath().isEmpty()) {
            s.append(" at ");
            e.getPath()
                    .forEach(ref -> s.append(
                            ref.getPropertyName() != null ? "/" + ref.getPropertyName() : "/" + ref.getIndex()));
        }
        if (e.getCause() instanceof NullPointerException || e.getCause() instanceof EventFormatException) {
            // the envelope's own checks: their messages name only the attribute (id, source, type, specversion)
            s.append(": ").append(e.getCause().getMessage());
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            s.append(" (line ")
                    .append(e.getLocation().getLineNr())
                    .append(", column ")
                    .append(e.getLocation().getColumnNr())
                    .append(')');
        }
        return s.toString();
    }
}
