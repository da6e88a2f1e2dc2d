package vn.egov.notification.contact;

/** identity-service (or the token endpoint) could not answer: try again later. Never carries personal data. */
public class ContactsUnavailableException extends RuntimeException {

    public ContactsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
