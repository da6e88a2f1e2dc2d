package vn.egov.commons.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode (one way everywhere on this platform):
 * {@code content-type: application/cloudevents+json}, the whole envelope as the Kafka record value,
 * the aggregate id as the record key and as {@code subject}.
 *
 * <p>{@code traceparent} is the W3C trace context extension; {@code correlationid} carries the id of
 * the request that caused the event, so logs can be followed across services. Unknown attributes
 * are ignored so that additive changes never break a consumer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String traceparent,
        String correlationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new EventFormatException("unsupported CloudEvents specversion " + specversion);
        }
    }

    public Instant timeAsInstant() {
        return time == null ? null : Instant.parse(time);
    }
}
