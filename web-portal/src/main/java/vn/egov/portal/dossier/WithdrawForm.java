package vn.egov.portal.dossier;

import jakarta.validation.constraints.Size;

/** Withdrawing a dossier: the reason is optional (at most the API's 2000 characters). */
record WithdrawForm(
        @Size(max = 2000, message = "{withdraw.reason.size}")
        String reason) {}
