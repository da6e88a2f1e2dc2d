package vn.egov.notification.preference;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.web.ApiProblem;
import vn.egov.notification.preference.PreferenceController.KindPreference;
import vn.egov.notification.recipient.Channel;
import vn.egov.notification.recipient.Recipients;

/** A person's change of channels and language, all or nothing: an unknown kind changes nothing. */
@Service
class PreferenceChanges {

    private final Preferences preferences;
    private final Recipients recipients;

    PreferenceChanges(Preferences preferences, Recipients recipients) {
        this.preferences = preferences;
        this.recipients = recipients;
    }

    /** Only the kinds listed change; a null language keeps the one chosen. */
    @Transactional
    void change(String me, List<KindPreference> kinds, String language) {
        var known = new HashSet<>(preferences.kinds());
        List<ApiProblem.FieldError> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (!known.contains(kinds.get(i).kind())) {
                unknown.add(ApiProblem.FieldError.of(
                        "kinds[" + i + "].kind", "unknown-kind", kinds.get(i).kind()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-notification-kind", unknown, Map.of());
        }
        for (KindPreference k : kinds) {
            preferences.set(me, k.kind(), Channel.EMAIL, k.email());
            preferences.set(me, k.kind(), Channel.SMS, k.sms());
        }
        if (language != null) {
            recipients.setLanguage(me, language);
        }
    }
}
