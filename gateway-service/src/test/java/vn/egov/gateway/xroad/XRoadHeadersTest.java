package vn.egov.gateway.xroad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class XRoadHeadersTest {

    @Test
    void acceptsMemberAndSubsystemIdentifiers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(XRoadHeaders.CLIENT, "VN/GOV/000.00.00.G10");
        headers.set(XRoadHeaders.ISSUE, "HS-1");

        assertThat(XRoadHeaders.parse(headers)).contains(new XRoadHeaders("VN/GOV/000.00.00.G10", false, "HS-1"));
        headers.set(XRoadHeaders.CLIENT, "VN/GOV/000.00.00.G10/csdl-dan-cu");
        assertThat(XRoadHeaders.parse(headers)).isPresent();
    }

    @Test
    void noneIsNothing() {
        assertThat(XRoadHeaders.parse(new HttpHeaders())).isEmpty();
    }

    @Test
    void refusalNamesTheHeaderButNotItsValue() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(XRoadHeaders.USER_ID, "001090000999");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> XRoadHeaders.parse(headers))
                .withMessage(XRoadHeaders.USER_ID);
    }
}
