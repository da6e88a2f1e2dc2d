package vn.egov.notification.notice;

import java.time.Instant;
import java.util.UUID;

/** Published inside the notice's transaction; listeners act after commit (the live inbox). */
public record InboxItemCreated(
        UUID id, String recipientSubject, String kind, String title, String body, String link, Instant createdAt) {}
