package vn.egov.portal.desk;

import java.util.List;
import java.util.Map;

/**
 * An action's form sent back with its errors (the page's checks, or the API's problem with its {@code errors[]}),
 * each next to its field ({@code general}: at the top of the form), and what the user typed, kept.
 */
record ActionFailure(String action, Map<String, String> errors, Map<String, String> values, List<String> missing) {

    static final String GENERAL = "general";

    public String error(String field) {
        return errors.get(field);
    }

    public String value(String field) {
        return values.get(field);
    }
}
