package vn.egov.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryAdministrationTest {

    @Test
    void destinationsAreMaskedEnoughToTellThemApartNotToUseThem() {
        assertThat(DeliveryAdministration.mask("nguyen.an@example.vn")).isEqualTo("n***@example.vn");
        assertThat(DeliveryAdministration.mask("0912345678")).isEqualTo("*******678");
        assertThat(DeliveryAdministration.mask(null)).isNull();
    }

    @Test
    void errorsQuotingAnAddressOrNumberAreRedacted() {
        assertThat(DeliveryAdministration.redact("MailSendException: 550 <nguyen.an@example.vn> unknown user"))
                .isEqualTo("MailSendException: 550 <n***@example.vn> unknown user");
        assertThat(DeliveryAdministration.redact("PermanentFailure: refused +84 912 345 678"))
                .isEqualTo("PermanentFailure: refused [number]");
        assertThat(DeliveryAdministration.redact("IllegalStateException: SMS gateway unavailable: HTTP 503"))
                .isEqualTo("IllegalStateException: SMS gateway unavailable: HTTP 503");
    }
}
