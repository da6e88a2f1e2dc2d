package vn.egov.dossier.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.dossier.document.DocumentStorage;
import vn.egov.dossier.document.SealedDocumentStorage;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.guard.ProductionChecks;

/** Form data and document bytes sealed at rest: bound to their owner's id, readable after a key rotation. */
class PersonalDataAtRestTest {

    static final String KEY_1 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String KEY_2 =
            Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    static final String FORM = "{\"partnerName\":\"Lê Thị Bích\",\"partnerNationalId\":\"001190012345\"}";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

    /** A storage that keeps what it is given, to look at the bytes a real store would hold. */
    static final class InMemoryStorage implements DocumentStorage {
        final Map<UUID, byte[]> bytes = new HashMap<>();

        @Override
        public void store(UUID documentId, byte[] content) {
            bytes.put(documentId, content);
        }

        @Override
        public Optional<byte[]> load(UUID documentId) {
            return Optional.ofNullable(bytes.get(documentId));
        }
    }

    final AesGcmSealer k1 = new AesGcmSealer("k1", KEY_1, Map.of());
    final AesGcmSealer rotated = new AesGcmSealer("k2", KEY_2, Map.of("k1", KEY_1));

    static DossierRow.StoredForm stored(AesGcmSealer.Sealed sealed) {
        return new DossierRow.StoredForm("{}", sealed.keyId(), sealed.bytes());
    }

    @Test
    void formsSealedWithAPreviousKeyStillOpenAfterTheKeyChanges() {
        UUID dossier = UUID.randomUUID();
        AesGcmSealer.Sealed old = new FormDataSealer(k1).seal(dossier, FORM);
        assertThat(new String(old.bytes(), StandardCharsets.UTF_8)).doesNotContain("001190012345", "Bích");

        FormDataSealer afterRotation = new FormDataSealer(rotated);
        assertThat(afterRotation.open(dossier, stored(old))).isEqualTo(FORM);
        AesGcmSealer.Sealed fresh = afterRotation.seal(dossier, FORM);
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(afterRotation.open(dossier, stored(fresh))).isEqualTo(FORM);
        // once the old key is dropped, what it sealed fails loudly rather than reading as empty
        FormDataSealer dropped = new FormDataSealer(new AesGcmSealer("k2", KEY_2, Map.of()));
        assertThatThrownBy(() -> dropped.open(dossier, stored(old)))
                .isInstanceOf(AesGcmSealer.UnknownKeyException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void aSealedFormOpensOnlyForItsOwnDossierAndALegacyRowReadsAsItIs() {
        FormDataSealer forms = new FormDataSealer(k1);
        AesGcmSealer.Sealed sealed = forms.seal(UUID.randomUUID(), FORM);
        assertThatThrownBy(() -> forms.open(UUID.randomUUID(), stored(sealed)))
                .isInstanceOf(AesGcmSealer.SealingException.class);
        assertThat(forms.open(UUID.randomUUID(), new DossierRow.StoredForm(FORM, null, null)))
                .isEqualTo(FORM);
        assertThat(forms.open(UUID.randomUUID(), new DossierRow.StoredForm(null, null, null)))
                .isEqualTo("{}");
    }

    @Test
    void documentsAreSealedBoundToTheirIdAndOpenAfterRotation() {
        InMemoryStorage store = new InMemoryStorage();
        SealedDocumentStorage documents = new SealedDocumentStorage(store, k1);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        documents.store(a, PDF);
        documents.store(b, PNG);
        assertThat(new String(store.bytes.get(a), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "Catalog");
        assertThat(documents.load(a)).contains(PDF);
        assertThat(documents.load(UUID.randomUUID())).isEmpty();

        // bytes moved onto another document do not open
        store.bytes.put(b, store.bytes.get(a));
        assertThatThrownBy(() -> documents.load(b)).isInstanceOf(AesGcmSealer.SealingException.class);

        SealedDocumentStorage afterRotation = new SealedDocumentStorage(store, rotated);
        assertThat(afterRotation.load(a)).contains(PDF);
        UUID c = UUID.randomUUID();
        afterRotation.store(c, PDF);
        assertThat(AesGcmSealer.unwrap(store.bytes.get(c)).keyId()).isEqualTo("k2");

        // bytes stored in clear before sealing existed are still served (and re-sealed at start)
        UUID legacy = UUID.randomUUID();
        store.bytes.put(legacy, PDF);
        assertThat(afterRotation.load(legacy)).contains(PDF);
    }

    @Test
    void aRotationIsConfiguredFromTheEnvironment() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-systemEnvironment",
                        Map.<String, Object>of(
                                "DOSSIER_DATA_KEY",
                                KEY_2,
                                "DOSSIER_DATA_KEY_ID",
                                "k2",
                                "EGOV_DOSSIER_PREVIOUSDATAKEYS_K1",
                                KEY_1)));
        DataProtectionProperties properties = Binder.get(env)
                .bind("egov.dossier", DataProtectionProperties.class)
                .get();
        assertThat(properties.dataKeyId()).isEqualTo("k2");
        assertThat(properties.previousDataKeys()).containsExactly(Map.entry("k1", KEY_1));
        AesGcmSealer configured = new DataProtectionConfiguration().dossierDataSealer(properties);
        UUID dossier = UUID.randomUUID();
        assertThat(new FormDataSealer(configured).open(dossier, stored(new FormDataSealer(k1).seal(dossier, FORM))))
                .isEqualTo(FORM);
    }

    @Test
    void outsideTheLocalProfileTheDevelopmentDataKeyIsRefused() throws Exception {
        List<PropertySource<?>> yaml =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        StandardEnvironment env = new StandardEnvironment();
        yaml.forEach(env.getPropertySources()::addLast);
        List<String> checked = new java.util.ArrayList<>();
        for (int i = 0; env.getProperty("egov.security.checked-keys[" + i + "]") != null; i++) {
            checked.add(env.getProperty("egov.security.checked-keys[" + i + "]"));
        }
        assertThat(checked).contains("egov.dossier.data-key");
        assertThat(env.getProperty("egov.dossier.data-key")).isNotBlank();
        assertThat(ProductionChecks.problems(env)).contains("egov.dossier.data-key has a development value");

        // a real key: 32 random bytes (KEY_1 and KEY_2 above are text, which the guard refuses as keys)
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        System.setProperty("DOSSIER_DATA_KEY", Base64.getEncoder().encodeToString(random));
        try {
            StandardEnvironment real = new StandardEnvironment();
            yaml.forEach(real.getPropertySources()::addLast);
            assertThat(ProductionChecks.problems(real))
                    .noneSatisfy(p -> assertThat(p).startsWith("egov.dossier.data-key"));
        } finally {
            System.clearProperty("DOSSIER_DATA_KEY");
        }
    }
}
