package vn.egov.dossier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.egov.dossier.submission.DossierCodes;

class UploadsTest {

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        assertThat(Uploads.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(Uploads.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0}))
                .isEqualTo("image/png");
        assertThat(Uploads.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
                .isEqualTo("image/jpeg");
        assertThat(Uploads.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(Uploads.sniff(new byte[0])).isNull();
    }

    @Test
    void fileNamesLoseTheirPathAndDangerousCharactersButKeepVietnamese() {
        assertThat(Uploads.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.sanitise("C:\\\\Users\\\\an\\\\tờ khai.pdf")).isEqualTo("tờ khai.pdf");
        assertThat(Uploads.sanitise("a\"b<c>\u0000.pdf")).isEqualTo("a_b_c__.pdf");
        assertThat(Uploads.sanitise("...")).isEqualTo("document");
        assertThat(Uploads.sanitise("x".repeat(300) + ".pdf")).hasSize(150).endsWith(".pdf");
    }

    @Test
    void digestsAreSha256Hex() {
        assertThat(Uploads.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void codesAreAgencyDateAndAFourDigitSequence() {
        assertThat(DossierCodes.format("000.00.01.H26", LocalDate.of(2026, 11, 22), 42))
                .isEqualTo("000.00.01.H26-261122-0042");
        assertThat(DossierCodes.format("000.00.01.H26", LocalDate.of(2027, 1, 5), 10000))
                .isEqualTo("000.00.01.H26-270105-10000");
    }
}
