package vn.egov.portal.desk;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The session's open walk-in intakes, at most {@link #PER_SESSION} (starting one more drops the oldest, as the
 * citizen's wizard does). Spring Session writes an attribute back only when it is set, so every change ends with
 * {@link #save}.
 */
@Component
class WalkInDrafts {

    static final String ATTRIBUTE = "egov.portal.desk.walk-ins";

    static final int PER_SESSION = 3;

    WalkInDraft start(HttpSession session) {
        LinkedHashMap<UUID, WalkInDraft> drafts = drafts(session);
        while (drafts.size() >= PER_SESSION) {
            drafts.remove(drafts.keySet().iterator().next());
        }
        WalkInDraft draft = new WalkInDraft(UUID.randomUUID());
        drafts.put(draft.id(), draft);
        session.setAttribute(ATTRIBUTE, drafts);
        return draft;
    }

    Optional<WalkInDraft> find(HttpSession session, UUID id) {
        return Optional.ofNullable(drafts(session).get(id));
    }

    void save(HttpSession session, WalkInDraft draft) {
        LinkedHashMap<UUID, WalkInDraft> drafts = drafts(session);
        drafts.put(draft.id(), draft);
        session.setAttribute(ATTRIBUTE, drafts);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<UUID, WalkInDraft> drafts(HttpSession session) {
        Object drafts = session.getAttribute(ATTRIBUTE);
        return drafts instanceof LinkedHashMap<?, ?> map
                ? (LinkedHashMap<UUID, WalkInDraft>) map
                : new LinkedHashMap<>();
    }
}
