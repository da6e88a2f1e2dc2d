package vn.egov.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.notification.recipient.Recipients;

/** The signed-in person's channels per event kind and the language of their notices. */
@RestController
class PreferenceController {

    record KindPreference(
            @NotBlank @Size(max = 64) String kind,
            Boolean mandatory,
            @NotNull Boolean email,
            @NotNull Boolean sms) {}

    /** {@code kinds} may list only the kinds to change; {@code mandatory} in a request is ignored. */
    record PreferencesBody(
            @Pattern(regexp = "vi|en") String language,
            @Valid @Size(max = 50) List<KindPreference> kinds) {}

    private final Preferences preferences;
    private final PreferenceChanges changes;
    private final Recipients recipients;

    PreferenceController(Preferences preferences, PreferenceChanges changes, Recipients recipients) {
        this.preferences = preferences;
        this.changes = changes;
        this.recipients = recipients;
    }

    @GetMapping("/api/v1/notifications/preferences")
    @Operation(summary = "Own channels per event kind (default: all on) and language")
    PreferencesBody get(@AuthenticationPrincipal Jwt jwt) {
        String me = EgovPrincipal.from(jwt).subject();
        return new PreferencesBody(
                recipients.language(me),
                preferences.of(me).stream()
                        .map(k -> new KindPreference(k.kind(), k.mandatory(), k.email(), k.sms()))
                        .toList());
    }

    @PutMapping("/api/v1/notifications/preferences")
    @Operation(summary = "Change own channels (only the kinds listed) and language; idempotent")
    PreferencesBody put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferencesBody body) {
        String me = EgovPrincipal.from(jwt).subject();
        changes.change(me, body.kinds() == null ? List.of() : body.kinds(), body.language());
        return get(jwt);
    }
}
