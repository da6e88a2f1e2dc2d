package vn.egov.portal.dossier;

import java.util.List;
import java.util.Map;

/**
 * The supplement form on the dossier page: one file input per requested document ({@code file-<code>}) and an
 * optional note; what the officer asked for (their reason) and the errors next to each field after a refusal.
 */
record SupplementForm(
        String officerReason, List<MyDossiers.Requirement> requested, String note, Map<String, String> errors) {

    /** The errors' key for a sentence that belongs to no one field. */
    static final String GENERAL = "_form";

    static String inputName(String requirementCode) {
        return "file-" + requirementCode;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String input(String requirementCode) {
        return inputName(requirementCode);
    }

    public String error(String key) {
        return errors.get(key);
    }

    public String general() {
        return errors.get(GENERAL);
    }
}
