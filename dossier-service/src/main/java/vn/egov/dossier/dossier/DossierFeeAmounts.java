package vn.egov.dossier.dossier;

import java.util.UUID;

/**
 * The fee a lifecycle event names ({@code feeVnd}). The {@code fee} package owns a dossier's fee and answers this:
 * it depends on this package (it moves a paid dossier on), so this package asks through an interface it declares
 * rather than depending back on {@code fee}.
 */
public interface DossierFeeAmounts {

    /** The dossier's fee in VND; 0 when it has none. */
    long amountVnd(UUID dossierId);
}
