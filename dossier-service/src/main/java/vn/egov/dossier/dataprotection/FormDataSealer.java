package vn.egov.dossier.dataprotection;

import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.dossier.dossier.DossierRow;

/**
 * A dossier's form data (names, dates of birth, national id numbers, addresses…) sealed at rest: stored in
 * {@code dossier.form_data_sealed} with its key id in {@code data_key_id}, bound to the dossier's id (a
 * sealed form copied onto another dossier does not open). {@code form_data} keeps only {@code {}} for such
 * rows; a row written before sealing existed still holds its form there in clear and is read as is until
 * {@link LegacyDataResealer} seals it.
 */
@Component
public class FormDataSealer {

    private final AesGcmSealer sealer;

    FormDataSealer(AesGcmSealer sealer) {
        this.sealer = sealer;
    }

    public static String purpose(UUID dossierId) {
        return "egov.dossier.form-data:" + dossierId;
    }

    public AesGcmSealer.Sealed seal(UUID dossierId, String formJson) {
        return sealer.sealString(formJson, purpose(dossierId));
    }

    /** The form as JSON, whichever way the row holds it. */
    public String open(UUID dossierId, DossierRow.StoredForm form) {
        if (form.sealed() != null) {
            return sealer.openString(new AesGcmSealer.Sealed(form.keyId(), form.sealed()), purpose(dossierId));
        }
        return form.clearJson() == null ? "{}" : form.clearJson();
    }
}
