package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFieldSealerTest {

    static final String TYPE = "vn.egov.identity.contact-verification-requested.v2";
    static final String KEY = "q2Vq9yq0bJ8e3m9mQm4vC2eXvH8r1Lw6c0yQ1Ff5n3A=";

    final EventFieldSealer sealer = new EventFieldSealer("k1", KEY, Map.of());

    @Test
    void aSealedFieldOpensForItsEventFieldAndSubjectOnly() {
        String sealed = sealer.seal("482913", TYPE, "sealedCode", "person-1");
        assertThat(sealed).startsWith("egs1:").doesNotContain("482913");
        assertThat(sealer.seal("482913", TYPE, "sealedCode", "person-1")).isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, TYPE, "sealedCode", "person-1")).isEqualTo("482913");
        // copied into another person's event, another field or another type: does not open
        assertThatThrownBy(() -> sealer.open(sealed, TYPE, "sealedCode", "person-2"))
                .isInstanceOf(EventFormatException.class)
                .hasMessageNotContaining("482913");
        assertThatThrownBy(() -> sealer.open(sealed, TYPE, "sealedDestination", "person-1"))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> sealer.open(sealed, "vn.egov.other.v1", "sealedCode", "person-1"))
                .isInstanceOf(EventFormatException.class);
        assertThat(sealer.seal(null, TYPE, "sealedCode", "person-1")).isNull();
    }

    @Test
    void aValueInClearOrUnderAnUnknownKeyIsAFormatErrorAndAnOldKeyStillOpens() {
        assertThatThrownBy(() -> sealer.open("482913", TYPE, "sealedCode", "p"))
                .isInstanceOf(EventFormatException.class);
        assertThatThrownBy(() -> sealer.open("egs1:not base64!", TYPE, "sealedCode", "p"))
                .isInstanceOf(EventFormatException.class);
        String underOther = new EventFieldSealer("k0", "another-passphrase-local-run-only", Map.of())
                .seal("0912345678", TYPE, "sealedDestination", "p");
        assertThatThrownBy(() -> sealer.open(underOther, TYPE, "sealedDestination", "p"))
                .isInstanceOf(EventFormatException.class);
        EventFieldSealer rotated =
                new EventFieldSealer("k2", KEY.replace('q', 'w'), Map.of("k0", "another-passphrase-local-run-only"));
        assertThat(rotated.open(underOther, TYPE, "sealedDestination", "p")).isEqualTo("0912345678");
    }
}
