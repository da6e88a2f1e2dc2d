package vn.egov.portal.lookup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The lookup form: a dossier code and its lookup secret, both as printed on the receipt, e.g.
 * 000.00.01.H26-261204-0001 and K7QM-2XPA (the API ignores case, spaces and hyphens in the secret).
 */
record LookupForm(
        @NotBlank(message = "{lookup.code.required}")
        @Size(max = 60, message = "{lookup.code.invalid}")
        @Pattern(regexp = "[A-Za-z0-9.\\-]*", message = "{lookup.code.invalid}")
        String code,

        @NotBlank(message = "{lookup.secret.required}")
        @Size(max = 20, message = "{lookup.secret.invalid}")
        @Pattern(regexp = "[A-Za-z0-9 \\-]*", message = "{lookup.secret.invalid}")
        String secret) {

    LookupForm {
        code = code == null ? null : code.strip();
        secret = secret == null ? null : secret.strip();
    }
}
