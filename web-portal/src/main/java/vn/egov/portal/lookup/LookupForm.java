package vn.egov.portal.lookup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The lookup form: a dossier code as printed on the receipt, e.g. 000.00.01.H26-261204-0001. */
record LookupForm(
        @NotBlank(message = "{lookup.code.required}")
        @Size(max = 60, message = "{lookup.code.invalid}")
        @Pattern(regexp = "[A-Za-z0-9.\\-]*", message = "{lookup.code.invalid}")
        String code) {

    LookupForm {
        code = code == null ? null : code.strip();
    }
}
