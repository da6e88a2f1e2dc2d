package vn.egov.portal.submission;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's own checks, so that the user hears of a mistake on the step where it was made rather than after the
 * review. They repeat dossier-service's rules (its {@code intake} package: form fields by type, the real type of a
 * file from its first bytes); the API checks everything again and its answer is the one that counts. The values
 * are message keys ({@code wizard.error.*}), worded by the page in its language.
 */
final class Checks {

    private Checks() {}

    /**
     * What is wrong with the agency chosen (key {@code agencyCode}), or null: when several agencies take the procedure
     * online, the citizen must choose one of them.
     */
    static String agency(WizardProcedures.Procedure procedure, String agencyCode) {
        if (!procedure.agencyChoice()) {
            return null;
        }
        if (agencyCode == null) {
            return "wizard.error.agency-required";
        }
        boolean offered =
                procedure.onlineAgencies().stream().anyMatch(a -> a.agencyCode().equals(agencyCode));
        return offered ? null : "wizard.error.option";
    }

    /**
     * What is wrong with the case chosen (key {@code caseCode}), or null: when the procedure has cases (decision 58),
     * the citizen must choose one of them.
     */
    static String caseChoice(WizardProcedures.Procedure procedure, String caseCode) {
        if (!procedure.caseChoice()) {
            return null;
        }
        if (caseCode == null) {
            return "wizard.error.case-required";
        }
        return procedure.caseOf(caseCode) == null ? "wizard.error.option" : null;
    }

    /** Field name → the key of what is wrong with it. */
    static Map<String, String> form(WizardProcedures.Procedure procedure, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (WizardProcedures.Field field : procedure.fields()) {
            String value = values.get(field.name());
            if (value == null || value.isBlank()) {
                if (field.requiredHere()) {
                    errors.put(field.name(), "wizard.error.required");
                }
                continue;
            }
            String text = value.strip();
            String wrong = switch (field.type()) {
                case "TEXT" ->
                    field.maxLength() != null && text.length() > field.maxLength() ? "wizard.error.too-long" : null;
                case "DATE" -> date(text) ? null : "wizard.error.date";
                case "NUMBER" -> text.matches("\\d{1,15}(\\.\\d+)?") ? null : "wizard.error.number";
                case "SELECT" -> field.options().contains(text) ? null : "wizard.error.option";
                case "BOOLEAN" -> "true".equals(text) ? null : "wizard.error.option";
                case "NATIONAL_ID" -> text.matches("\\d{12}") ? null : "wizard.error.national-id";
                default -> null;
            };
            if (wrong != null) {
                errors.put(field.name(), wrong);
            }
        }
        return errors;
    }

    private static boolean date(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The type the bytes really are (PDF, PNG, JPEG: dossier-service's rule), or null; the browser's claim is ignored. */
    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    /** The name without a path or control characters, at most 150 characters (the API cleans it the same way). */
    static String fileName(String original) {
        if (original == null) {
            return "document";
        }
        String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        String clean = Normalizer.normalize(base, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*;%]", "_")
                .replaceAll("^[.\\s]+", "")
                .strip();
        if (clean.length() > 150) {
            int dot = clean.lastIndexOf('.');
            String ext = dot > 0 && clean.length() - dot <= 10 ? clean.substring(dot) : "";
            clean = clean.substring(0, 150 - ext.length()) + ext;
        }
        return clean.isEmpty() ? "document" : clean;
    }
}
