package vn.egov.commons.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesGcmSealerTest {

    static final String KEY_1 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String KEY_2 =
            Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    static final String NAME = "Nguyễn Văn An 001090012345";

    final AesGcmSealer sealer = new AesGcmSealer("k1", KEY_1, Map.of());

    @Test
    void stringsAndBytesRoundTripWithAFreshNonceEachTime() {
        AesGcmSealer.Sealed a = sealer.sealString(NAME, "dossier.form:1");
        AesGcmSealer.Sealed b = sealer.sealString(NAME, "dossier.form:1");
        assertThat(a.keyId()).isEqualTo("k1");
        assertThat(a.bytes()).isNotEqualTo(b.bytes());
        assertThat(a.bytes()).hasSize(12 + NAME.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(a.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("001090012345");
        assertThat(sealer.openString(a, "dossier.form:1")).isEqualTo(NAME);

        byte[] pdf = "%PDF-1.4 some document".getBytes(StandardCharsets.US_ASCII);
        assertThat(sealer.open(sealer.seal(pdf, "doc"), "doc")).isEqualTo(pdf);
        assertThat(sealer.open(sealer.seal(new byte[0], "doc"), "doc")).isEmpty();
    }

    @Test
    void theFormatIsNonceCiphertextTagWithThePurposeAsAad() throws Exception {
        // byte-for-byte what identity-service has stored since before this class existed
        AesGcmSealer.Sealed sealed = sealer.sealString(NAME, "purpose");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(KEY_1), "AES"),
                new GCMParameterSpec(128, sealed.bytes(), 0, 12));
        cipher.updateAAD("purpose".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(cipher.doFinal(sealed.bytes(), 12, sealed.bytes().length - 12), StandardCharsets.UTF_8))
                .isEqualTo(NAME);
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        AesGcmSealer.Sealed a = sealer.sealString(NAME, "document:1");
        assertThatThrownBy(() -> sealer.openString(a, "document:2"))
                .isInstanceOf(AesGcmSealer.SealingException.class)
                .hasMessageNotContaining(NAME);
        byte[] envelope = sealer.sealEnvelope(new byte[] {1, 2, 3}, "document:1");
        assertThatThrownBy(() -> sealer.openEnvelope(envelope, "document:2"))
                .isInstanceOf(AesGcmSealer.SealingException.class);
    }

    @Test
    void anUnknownKeyIdFailsClearly() {
        AesGcmSealer.Sealed a = sealer.sealString(NAME, "p");
        assertThatThrownBy(() -> sealer.open(new AesGcmSealer.Sealed("k9", a.bytes()), "p"))
                .isInstanceOf(AesGcmSealer.UnknownKeyException.class)
                .hasMessageContaining("no key with id k9");
        assertThat(sealer.holdsKey("k9")).isFalse();
    }

    @Test
    void previousKeysStillOpenWhileNewValuesUseTheCurrentKey() {
        AesGcmSealer.Sealed old = sealer.sealString(NAME, "p");
        byte[] oldEnvelope = sealer.sealEnvelope(NAME.getBytes(StandardCharsets.UTF_8), "p");
        AesGcmSealer rotated = new AesGcmSealer("k2", KEY_2, Map.of("k1", KEY_1));
        assertThat(rotated.openString(old, "p")).isEqualTo(NAME);
        assertThat(rotated.openEnvelope(oldEnvelope, "p")).isEqualTo(NAME.getBytes(StandardCharsets.UTF_8));
        AesGcmSealer.Sealed fresh = rotated.sealString(NAME, "p");
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(AesGcmSealer.unwrap(rotated.sealEnvelope(new byte[] {1}, "p"))
                        .keyId())
                .isEqualTo("k2");
        // the old deployment never learnt k2
        assertThatThrownBy(() -> sealer.open(fresh, "p")).hasMessageContaining("k2");
        // a key id claimed by the wrong key does not open either
        assertThatThrownBy(() -> rotated.open(new AesGcmSealer.Sealed("k2", old.bytes()), "p"))
                .isInstanceOf(AesGcmSealer.SealingException.class);
    }

    @Test
    void tamperingIsDetected() {
        AesGcmSealer.Sealed a = sealer.sealString(NAME, "p");
        for (int i : new int[] {0, 12, a.bytes().length - 1}) {
            byte[] bytes = a.bytes().clone();
            bytes[i] ^= 1;
            assertThatThrownBy(() -> sealer.open(new AesGcmSealer.Sealed("k1", bytes), "p"))
                    .as("byte %d flipped", i)
                    .isInstanceOf(AesGcmSealer.SealingException.class);
        }
        assertThatThrownBy(() -> sealer.open(new AesGcmSealer.Sealed("k1", Arrays.copyOf(a.bytes(), 20)), "p"))
                .isInstanceOf(AesGcmSealer.SealingException.class);
        byte[] envelope = sealer.sealEnvelope(NAME.getBytes(StandardCharsets.UTF_8), "p");
        envelope[envelope.length - 5] ^= 1;
        assertThatThrownBy(() -> sealer.openEnvelope(envelope, "p")).isInstanceOf(AesGcmSealer.SealingException.class);
    }

    @Test
    void anEnvelopeCarriesItsKeyIdAndIsToldApartFromClearFiles() {
        byte[] envelope = sealer.sealEnvelope("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "doc");
        assertThat(AesGcmSealer.isEnvelope(envelope)).isTrue();
        assertThat(AesGcmSealer.unwrap(envelope).keyId()).isEqualTo("k1");
        assertThat(new String(envelope, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(sealer.openEnvelope(envelope, "doc"))
                .asString(StandardCharsets.US_ASCII)
                .isEqualTo("%PDF-1.4");
        assertThat(AesGcmSealer.isEnvelope("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(AesGcmSealer.isEnvelope(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a}))
                .isFalse();
        assertThat(AesGcmSealer.isEnvelope(new byte[0])).isFalse();
        assertThatThrownBy(() -> sealer.openEnvelope("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "doc"))
                .isInstanceOf(AesGcmSealer.SealingException.class);
    }

    @Test
    void aBase64KeyOf32BytesIsUsedAsIsAndAPassphraseIsStretched() {
        assertThat(AesGcmSealer.keyBytes(KEY_1))
                .isEqualTo("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(AesGcmSealer.keyBytes("dossier-dev-data-key-local-run-only")).hasSize(32);
        AesGcmSealer dev = new AesGcmSealer("dev", "dossier-dev-data-key-local-run-only", Map.of());
        assertThat(dev.openString(dev.sealString(NAME, "p"), "p")).isEqualTo(NAME);
        assertThatThrownBy(() -> new AesGcmSealer("k1", null, Map.of())).hasMessageContaining("data key is not set");
    }
}
