package vn.egov.identity.profile;

/** Shows an identity number only as much as a person needs to recognise it: {@code 001******345}. */
final class NationalIdMask {

    private NationalIdMask() {}

    static String mask(String nationalId) {
        if (nationalId == null || nationalId.length() < 7) {
            return null;
        }
        int n = nationalId.length();
        return nationalId.substring(0, 3) + "*".repeat(n - 6) + nationalId.substring(n - 3);
    }
}
