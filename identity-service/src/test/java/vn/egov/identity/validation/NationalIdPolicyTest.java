package vn.egov.identity.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdPolicyTest {

    private final NationalIdPolicy policy = new NationalIdPolicy(ProvinceCodes.bundled());

    @Test
    void acceptsTheDemoCitizen() {
        assertThat(policy.check("001090012345", LocalDate.of(1990, 5, 15), Sex.MALE))
                .isEmpty();
    }

    @Test
    void acceptsEveryCenturyAndSexCombinationThatAgrees() {
        assertThat(policy.check("079195001234", LocalDate.of(1995, 8, 20), Sex.FEMALE))
                .isEmpty();
        assertThat(policy.check("001205012345", LocalDate.of(2005, 1, 2), Sex.MALE))
                .isEmpty();
        assertThat(policy.check("096301000001", LocalDate.of(2001, 12, 31), Sex.FEMALE))
                .isEmpty();
        assertThat(policy.check("048400123456", LocalDate.of(2100, 1, 1), Sex.MALE))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00109001234",
                "0010900123456",
                "00109001234A",
                "ABCDEFGHIJKL",
                "",
                " 001090012345",
                "００１０９００１２３４５"
            })
    void refusesAnythingButTwelveAsciiDigits(String nationalId) {
        assertThat(policy.check(nationalId, LocalDate.of(1990, 5, 15), Sex.MALE))
                .containsExactly(NationalIdPolicy.FORMAT);
    }

    @Test
    void refusesNull() {
        assertThat(policy.check(null, null, null)).containsExactly(NationalIdPolicy.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "003", "005", "097", "099", "100", "999"})
    void refusesProvinceCodesThatDoNotExist(String province) {
        assertThat(policy.check(province + "090012345", LocalDate.of(1990, 5, 15), Sex.MALE))
                .containsExactly(NationalIdPolicy.PROVINCE);
    }

    @Test
    void refusesACenturyDigitThatContradictsTheSex() {
        assertThat(policy.check("001190012345", LocalDate.of(1990, 5, 15), Sex.MALE))
                .containsExactly(NationalIdPolicy.SEX);
        assertThat(policy.check("001090012345", LocalDate.of(1990, 5, 15), Sex.FEMALE))
                .containsExactly(NationalIdPolicy.SEX);
    }

    @Test
    void refusesACenturyDigitThatContradictsTheBirthYear() {
        // 2 = male born in the 2000s, but born 1990
        assertThat(policy.check("001290012345", LocalDate.of(1990, 5, 15), Sex.MALE))
                .containsExactly(NationalIdPolicy.CENTURY);
        // 0 = 1900s, but born 2090
        assertThat(policy.check("001090012345", LocalDate.of(2090, 5, 15), Sex.MALE))
                .containsExactly(NationalIdPolicy.CENTURY);
    }

    @Test
    void refusesYearDigitsThatContradictTheBirthYear() {
        assertThat(policy.check("001091012345", LocalDate.of(1990, 5, 15), Sex.MALE))
                .containsExactly(NationalIdPolicy.BIRTH_YEAR);
    }

    @Test
    void reportsEveryDisagreementAtOnce() {
        assertThat(policy.check("003291012345", LocalDate.of(1990, 5, 15), Sex.FEMALE))
                .containsExactlyInAnyOrder(
                        NationalIdPolicy.PROVINCE,
                        NationalIdPolicy.SEX,
                        NationalIdPolicy.CENTURY,
                        NationalIdPolicy.BIRTH_YEAR);
    }

    @Test
    void checksOnlyTheStructureWithoutDateOrSex() {
        assertThat(policy.check("001290012345", null, null)).isEmpty();
    }

    @Test
    void centuryDigitIsTheInverseOfTheRule() {
        assertThat(NationalIdPolicy.centuryDigit(1990, Sex.MALE)).isZero();
        assertThat(NationalIdPolicy.centuryDigit(1999, Sex.FEMALE)).isEqualTo(1);
        assertThat(NationalIdPolicy.centuryDigit(2000, Sex.MALE)).isEqualTo(2);
        assertThat(NationalIdPolicy.centuryDigit(2025, Sex.FEMALE)).isEqualTo(3);
        assertThat(NationalIdPolicy.centuryDigit(2100, Sex.FEMALE)).isEqualTo(5);
    }
}
