package vn.egov.dossier.counter;

import java.time.LocalDate;

/**
 * The structure of a citizen identity number (CCCD, số định danh cá nhân; docs/design/domain.md): 12 digits; 1–3 the
 * province of birth registration (001 … 096); 4 the century and sex (0/1: 1900s male/female, 2/3: 2000s, 4/5: 2100s,
 * …); 5–6 the last two digits of the year of birth; 7–12 random.
 */
final class NationalIds {

    private NationalIds() {}

    static boolean wellFormed(String id) {
        if (id == null || !id.matches("\\d{12}")) {
            return false;
        }
        int province = Integer.parseInt(id.substring(0, 3));
        return province >= 1 && province <= 96;
    }

    /** The century and year digits agree with the date of birth, and the sex digit with {@code sex} when given. */
    static boolean agrees(String id, LocalDate born, String sex) {
        int centuryAndSex = id.charAt(3) - '0';
        int century = born.getYear() / 100; // 19 for the 1900s
        if (centuryAndSex / 2 != century - 19) {
            return false;
        }
        if (Integer.parseInt(id.substring(4, 6)) != born.getYear() % 100) {
            return false;
        }
        return sex == null || (centuryAndSex % 2 == 0 ? "MALE" : "FEMALE").equals(sex);
    }
}
