package vn.egov.portal.account;

/**
 * The registration form: the fields of identity-service's {@code RegistrationRequest}, as typed. The portal does
 * not validate them itself (identity-service's rules and messages are the only ones), so that the rules live in
 * one place. {@code requestId} is the form's Idempotency-Key (a new one each time the form is shown): a second
 * click on "Đăng ký" is the same request, a corrected form a new one. The page never shows the password again.
 */
record RegistrationForm(
        String fullName,
        String nationalId,
        String dateOfBirth,
        String sex,
        String email,
        String phone,
        String password,
        String requestId) {

    RegistrationForm {
        fullName = strip(fullName);
        nationalId = strip(nationalId);
        dateOfBirth = strip(dateOfBirth);
        email = strip(email);
        phone = strip(phone);
    }

    static RegistrationForm empty() {
        return new RegistrationForm(null, null, null, null, null, null, null, null);
    }

    /** The body of {@code POST /api/v1/identity/registrations}; an empty field is sent as missing. */
    Request request() {
        return new Request(
                blankToNull(fullName),
                blankToNull(nationalId),
                blankToNull(dateOfBirth),
                blankToNull(sex),
                blankToNull(email),
                blankToNull(phone),
                password == null || password.isEmpty() ? null : password);
    }

    record Request(
            String fullName,
            String nationalId,
            String dateOfBirth,
            String sex,
            String email,
            String phone,
            String password) {

        @Override
        public String toString() {
            return "Request[…]"; // never the identity number or the password in a log line
        }
    }

    @Override
    public String toString() {
        return "RegistrationForm[…]";
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
