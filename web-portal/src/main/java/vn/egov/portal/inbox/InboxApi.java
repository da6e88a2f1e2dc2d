package vn.egov.portal.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.UserApi;

/** notification-service's inbox of the signed-in user, through the gateway with the user's token. */
@Component
class InboxApi {

    record Item(UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }

        /**
         * Where the notice's link leads in this portal, as a path of its own origin: a dossier's page
         * ({@code /ho-so/<code>}) or the desk's ({@code /motcua/ho-so/<code>}); null for anything else. The host the
         * notice names is not followed (it is the operator's public URL, the same site under another name at most),
         * so an inbox item can never send the user to another site.
         */
        public String portalPath() {
            if (link == null || link.length() > 500) {
                return null;
            }
            try {
                String path = java.net.URI.create(link).getRawPath();
                return path != null && DOSSIER_PAGE.matcher(path).matches() ? path : null;
            } catch (IllegalArgumentException unreadable) {
                return null;
            }
        }

        /** The day it came, in Vietnam's time. */
        public LocalDate createdOn() {
            return createdAt == null ? null : LocalDate.ofInstant(createdAt, VIETNAM);
        }
    }

    /** A dossier's page for the citizen or at the desk; the code as one encoded path segment. */
    static final java.util.regex.Pattern DOSSIER_PAGE =
            java.util.regex.Pattern.compile("/(motcua/)?ho-so/[A-Za-z0-9.%_-]{1,64}");

    record Page(List<Item> items, int page, int size, long totalItems, int totalPages) {}

    static final int PAGE_SIZE = 20;

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final RestClient api;

    InboxApi(@UserApi RestClient api) {
        this.api = api;
    }

    Page page(int page) {
        return api.get()
                .uri("/api/v1/notifications?page={page}&size={size}", page, PAGE_SIZE)
                .retrieve()
                .body(Page.class);
    }

    /** The number of unread items: the total of a one-item page of unread ones. */
    long unread() {
        Page unread = api.get()
                .uri("/api/v1/notifications?unreadOnly=true&page=0&size=1")
                .retrieve()
                .body(Page.class);
        return unread == null ? 0 : unread.totalItems();
    }

    void markRead(UUID id) {
        api.post().uri("/api/v1/notifications/{id}/read", id).retrieve().toBodilessEntity();
    }
}
