package vn.egov.identity.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneEmailNamePolicyTest {

    private final PhoneNumberPolicy phones = new PhoneNumberPolicy();
    private final EmailPolicy emails = new EmailPolicy();
    private final PersonNamePolicy names = new PersonNamePolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0912345678",
                "0312345678",
                "0512345678",
                "0712345678",
                "0812345678",
                "+84912345678",
                "091 234 5678",
                "091.234.5678",
                "+84 912-345-678"
            })
    void acceptsVietnameseMobileNumbers(String phone) {
        assertThat(phones.check(phone)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "091234567",
                "09123456789",
                "0112345678",
                "0212345678",
                "0412345678",
                "0612345678",
                "+8491234567",
                "+849123456789",
                "+85912345678",
                "84912345678",
                "09123456a8",
                "+840912345678"
            })
    void refusesOtherNumbers(String phone) {
        assertThat(phones.check(phone)).contains(PhoneNumberPolicy.FORMAT);
    }

    @Test
    void normalisesToTheDomesticForm() {
        assertThat(PhoneNumberPolicy.normalise("+84912345678")).isEqualTo("0912345678");
        assertThat(PhoneNumberPolicy.normalise("091 234 5678")).isEqualTo("0912345678");
        assertThat(PhoneNumberPolicy.normalise("12345")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"citizen@demo.egov.vn", "a.b+c@example.com", "nguyen_van.an@mail.gov.vn", "X@Y.VN"})
    void acceptsEmailAddresses(String email) {
        assertThat(emails.check(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@example.com",
                "a@",
                "a@b",
                "a@@b.vn",
                "a b@c.vn",
                "a@b..vn",
                "a.@b.vn",
                "a@-b.vn",
                "a@b.v"
            })
    void refusesOtherAddresses(String email) {
        assertThat(emails.check(email)).contains(EmailPolicy.FORMAT);
    }

    @Test
    void emailsAreStoredLowerCase() {
        assertThat(EmailPolicy.normalise("  An.Nguyen@Example.VN ")).isEqualTo("an.nguyen@example.vn");
    }

    @Test
    void namesAreLettersOfAtLeastTwoWords() {
        assertThat(names.check("Nguyễn Văn An")).isEmpty();
        assertThat(names.check("  Nguyễn   Văn An ")).isEmpty();
        assertThat(names.check("Trần Thị Ngọc-Ánh")).isEmpty();
        assertThat(names.check("An")).contains(PersonNamePolicy.FORMAT);
        assertThat(names.check("Nguyễn Văn 4n")).contains(PersonNamePolicy.FORMAT);
        assertThat(names.check("Nguyễn <script>")).contains(PersonNamePolicy.FORMAT);
        assertThat(names.check(null)).contains(PersonNamePolicy.FORMAT);
    }

    @Test
    void sameNameIgnoresUnicodeFormSpacingAndCase() {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Văn An", java.text.Normalizer.Form.NFD);
        assertThat(PersonNamePolicy.sameName(decomposed, "nguyễn  văn AN")).isTrue();
        assertThat(PersonNamePolicy.sameName("Nguyễn Văn An", "Nguyễn Văn Anh")).isFalse();
        assertThat(PersonNamePolicy.sameName("Nguyễn Văn An", "Nguyen Van An")).isFalse();
    }
}
