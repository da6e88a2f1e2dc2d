package vn.egov.commons.events;

/** A record that is not a CloudEvent we can read: retrying will not help, it goes to the dead-letter topic. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
