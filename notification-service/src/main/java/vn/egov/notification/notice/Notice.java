package vn.egov.notification.notice;

import java.util.Map;

/**
 * Something to tell one person, before rendering: the kind (a row of {@code event_kind}), the values of
 * the template's placeholders (raw: dates, instants, amounts are formatted per language when
 * rendered) and the link to what it is about. Never holds an identity number.
 */
public record Notice(String kind, String recipientSubject, Map<String, Object> values, String link) {

    public Notice {
        // values may be null (no reason given, no due date yet): those placeholders render empty
        values = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values));
    }

    /** Values may hold a one-time code or contacts: never printed. */
    @Override
    public String toString() {
        return "Notice[kind=" + kind + "]";
    }
}
