package vn.egov.identity.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvinceCodesTest {

    @Test
    void theBundledListHasTheSixtyThreeHistoricProvinces() {
        ProvinceCodes codes = ProvinceCodes.bundled();
        assertThat(codes.all()).hasSize(63);
        assertThat(codes.name("001")).isEqualTo("Hà Nội");
        assertThat(codes.name("079")).isEqualTo("Hồ Chí Minh");
        assertThat(codes.name("096")).isEqualTo("Cà Mau");
        assertThat(codes.all().keySet())
                .allMatch(c -> c.matches("0\\d\\d") && c.compareTo("001") >= 0 && c.compareTo("096") <= 0);
        assertThat(codes.contains("003")).isFalse();
    }
}
