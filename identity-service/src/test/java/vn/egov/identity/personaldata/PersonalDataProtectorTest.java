package vn.egov.identity.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PersonalDataProtectorTest {

    private static final String KEY_1 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_2 =
            Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    private final PersonalDataProtector protector =
            new PersonalDataProtector(new PersonalDataProperties(KEY_1, "k1", Map.of(), "index-key"));

    @Test
    void sealsWithAFreshNonceAndOpensAgain() {
        PersonalDataProtector.Sealed a = protector.seal("001090012345", "purpose");
        PersonalDataProtector.Sealed b = protector.seal("001090012345", "purpose");
        assertThat(a.keyId()).isEqualTo("k1");
        assertThat(a.bytes()).isNotEqualTo(b.bytes());
        assertThat(new String(a.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("001090012345");
        assertThat(protector.open(a, "purpose")).isEqualTo("001090012345");
    }

    @Test
    void valuesStoredBeforeTheSharedSealerStillOpenAndTheFormatIsUnchanged() throws Exception {
        // what this class wrote before it delegated to egov-commons: nonce || AES-GCM(ciphertext || tag), purpose as
        // AAD
        byte[] nonce = "twelve-bytes".getBytes(StandardCharsets.US_ASCII);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(KEY_1), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD("purpose".getBytes(StandardCharsets.UTF_8));
        byte[] ct = cipher.doFinal("001090012345".getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[12 + ct.length];
        System.arraycopy(nonce, 0, stored, 0, 12);
        System.arraycopy(ct, 0, stored, 12, ct.length);
        assertThat(protector.open(new PersonalDataProtector.Sealed("k1", stored), "purpose"))
                .isEqualTo("001090012345");

        PersonalDataProtector.Sealed fresh = protector.seal("001090012345", "purpose");
        assertThat(fresh.bytes()).hasSize(stored.length);
        Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        decrypt.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(KEY_1), "AES"),
                new GCMParameterSpec(128, fresh.bytes(), 0, 12));
        decrypt.updateAAD("purpose".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(decrypt.doFinal(fresh.bytes(), 12, fresh.bytes().length - 12), StandardCharsets.UTF_8))
                .isEqualTo("001090012345");
        // a development passphrase is still stretched the same way
        assertThat(PersonalDataProtector.keyBytes("identity-dev-data-key-local-run-only"))
                .isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest("identity-dev-data-key-local-run-only".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        PersonalDataProtector.Sealed a = protector.seal("001090012345", "purpose");
        assertThatThrownBy(() -> protector.open(a, "other")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperingIsDetected() {
        PersonalDataProtector.Sealed a = protector.seal("001090012345", "purpose");
        byte[] bytes = a.bytes().clone();
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> protector.open(new PersonalDataProtector.Sealed("k1", bytes), "purpose"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotatedKeyStillOpensOldValuesWhileNewOnesUseTheNewKey() {
        PersonalDataProtector.Sealed old = protector.seal("001090012345", "purpose");
        PersonalDataProtector rotated =
                new PersonalDataProtector(new PersonalDataProperties(KEY_2, "k2", Map.of("k1", KEY_1), "index-key"));
        assertThat(rotated.open(old, "purpose")).isEqualTo("001090012345");
        PersonalDataProtector.Sealed fresh = rotated.seal("001090012345", "purpose");
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThatThrownBy(() -> protector.open(fresh, "purpose")).hasMessageContaining("k2");
    }

    @Test
    void theBlindIndexIsStableKeyedAndPurposeBound() {
        String index = protector.blindIndex("001090012345", "purpose");
        assertThat(index)
                .hasSize(64)
                .isEqualTo(protector.blindIndex("001090012345", "purpose"))
                .doesNotContain("001090012345");
        assertThat(protector.blindIndex("001090012346", "purpose")).isNotEqualTo(index);
        assertThat(protector.blindIndex("001090012345", "other")).isNotEqualTo(index);
        PersonalDataProtector otherIndexKey = new PersonalDataProtector(
                new PersonalDataProperties(KEY_2, "k2", Map.of("k1", KEY_1), "another-index-key"));
        assertThat(otherIndexKey.blindIndex("001090012345", "purpose")).isNotEqualTo(index);
        // rotating the data key alone keeps the index comparable
        PersonalDataProtector rotated =
                new PersonalDataProtector(new PersonalDataProperties(KEY_2, "k2", Map.of("k1", KEY_1), "index-key"));
        assertThat(rotated.blindIndex("001090012345", "purpose")).isEqualTo(index);
    }

    @Test
    void aBase64KeyOf32BytesIsUsedAsIsAndAPassphraseIsStretched() {
        assertThat(PersonalDataProtector.keyBytes(KEY_1))
                .hasSize(32)
                .isEqualTo("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(PersonalDataProtector.keyBytes("identity-dev-data-key-local-run-only"))
                .hasSize(32);
    }
}
