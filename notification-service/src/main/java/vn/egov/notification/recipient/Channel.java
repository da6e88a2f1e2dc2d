package vn.egov.notification.recipient;

/** Where a notice goes. The inbox is always written; email and SMS follow the person's preferences. */
public enum Channel {
    INBOX,
    EMAIL,
    SMS
}
