package vn.egov.portal.submission;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The open wizards of a session (sealed in PostgreSQL like every session attribute). At most
 * {@code draftsPerSession}: starting one more drops the oldest, with its uploaded files. Spring Session writes an
 * attribute back only when it is set, so every change ends with {@link #save}.
 */
@Component
class WizardDrafts {

    static final String ATTRIBUTE = "egov.portal.wizard.drafts";

    private final WizardProperties properties;
    private final DraftFiles files;

    WizardDrafts(WizardProperties properties, DraftFiles files) {
        this.properties = properties;
        this.files = files;
    }

    WizardDraft start(HttpSession session, String owner, String procedureCode) {
        LinkedHashMap<UUID, WizardDraft> drafts = drafts(session);
        while (drafts.size() >= properties.draftsPerSession()) {
            UUID oldest = drafts.keySet().iterator().next();
            drafts.remove(oldest);
            files.deleteDraft(owner, oldest);
        }
        WizardDraft draft = new WizardDraft(UUID.randomUUID(), procedureCode);
        drafts.put(draft.id(), draft);
        session.setAttribute(ATTRIBUTE, drafts);
        return draft;
    }

    /** The session's wizard with this id for this procedure; none after the session ended (or another's id). */
    Optional<WizardDraft> find(HttpSession session, String procedureCode, UUID id) {
        return Optional.ofNullable(drafts(session).get(id))
                .filter(d -> d.procedureCode().equals(procedureCode));
    }

    void save(HttpSession session, WizardDraft draft) {
        LinkedHashMap<UUID, WizardDraft> drafts = drafts(session);
        drafts.put(draft.id(), draft);
        session.setAttribute(ATTRIBUTE, drafts);
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<UUID, WizardDraft> drafts(HttpSession session) {
        Object drafts = session.getAttribute(ATTRIBUTE);
        return drafts instanceof LinkedHashMap<?, ?> map
                ? (LinkedHashMap<UUID, WizardDraft>) map
                : new LinkedHashMap<>();
    }
}
