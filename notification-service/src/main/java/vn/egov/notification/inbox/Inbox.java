package vn.egov.notification.inbox;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.commons.web.PageResponse;
import vn.egov.notification.inbox.InboxController.InboxItem;

/** A person's inbox items as stored (written by the notice's transaction, read and marked read here). */
@Component
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<InboxItem> page(String subject, boolean unreadOnly, int page, int size) {
        String where = " where recipient_subject = :me and (not :unread or read_at is null)";
        long total = jdbc.sql("select count(*) from inbox_item" + where)
                .param("me", subject)
                .param("unread", unreadOnly)
                .query(Long.class)
                .single();
        List<InboxItem> items = jdbc.sql("select id, kind, title, body, link, created_at, read_at from inbox_item"
                        + where + " order by created_at desc limit :size offset :offset")
                .param("me", subject)
                .param("unread", unreadOnly)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new InboxItem(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    /** Idempotent; false when the person has no such item. */
    boolean markRead(UUID id, String subject) {
        return jdbc.sql("""
                        update inbox_item set read_at = coalesce(read_at, now())
                        where id = ? and recipient_subject = ?""").param(id).param(subject).update() > 0;
    }
}
