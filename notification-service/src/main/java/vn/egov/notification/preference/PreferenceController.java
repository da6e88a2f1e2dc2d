package vn.egov.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.notification.notice.Channel;
import vn.egov.notification.notice.Recipients;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The signed-in person's channels per event kind and the language of their notices. */
@RestController
class PreferenceController {

    record KindPreference(@NotBlank @Size(max = 64) String kind, Boolean mandatory, @NotNull Boolean email, @NotNull Boolean sms) {
    }

    /** {@code kinds} may list only the kinds to change; {@code mandatory} in a request is ignored. */
    record PreferencesBody(@Pattern(regexp = "vi|en") String language, @Valid @Size(max = 50) List<KindPreference> kinds) {
    }

    private final Preferences preferences;
    private final Recipients recipients;

    PreferenceController(Preferences preferences, Recipients recipients) {
        this.preferences = preferences;
        this.recipients = recipients;
    }

    @GetMapping("/api/v1/notifications/preferences")
    @Operation(summary = "Own channels per event kind (default: all on) and language")
    PreferencesBody get(@AuthenticationPrincipal Jwt jwt) {
        String me = EgovPrincipal.from(jwt).subject();
        return new PreferencesBody(recipients.language(me), preferences.of(me).stream()
                .map(k -> new KindPreference(k.kind(), k.mandatory(), k.email(), k.sms())).toList());
    }

    @PutMapping("/api/v1/notifications/preferences")
    @Transactional
    @Operation(summary = "Change own channels (only the kinds listed) and language; idempotent")
    PreferencesBody put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferencesBody body) {
        String me = EgovPrincipal.from(jwt).subject();
        List<KindPreference> kinds = body.kinds() == null ? List.of() : body.kinds();
        var known = new HashSet<>(preferences.kinds());
        List<ApiProblem.FieldError> unknown = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (!known.contains(kinds.get(i).kind())) {
                unknown.add(new ApiProblem.FieldError("kinds[" + i + "].kind", "unknown-kind", kinds.get(i).kind()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-notification-kind", unknown, Map.of());
        }
        for (KindPreference k : kinds) {
            preferences.set(me, k.kind(), Channel.EMAIL, k.email());
            preferences.set(me, k.kind(), Channel.SMS, k.sms());
        }
        if (body.language() != null) {
            recipients.setLanguage(me, body.language());
        }
        return get(jwt);
    }
}
