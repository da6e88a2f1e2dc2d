package vn.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.TestIssuer;

/**
 * The field messages of a problem speak the request's language like its {@code detail} does: Vietnamese by
 * default (whatever the JVM's own locale), English on {@code Accept-Language: en}; the {@code code}s never change.
 * The same configuration as {@link PaymentServiceIT}, so both share one cached context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "egov.payment.orders.sweep-interval=1h",
            "egov.payment.refunds.retry.interval=1h",
            "egov.payment.refunds.automatic.listener-auto-startup=false"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class FieldMessagesIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    final TestIssuer issuer = TestIssuer.shared();

    /** A settlement file whose second line's amount is not a number, uploaded by the agency's administrator. */
    HttpResponse<String> uploadBadSettlementFile(String... headers) throws Exception {
        String agency = "LANG." + UUID.randomUUID();
        String boundary = "egov" + UUID.randomUUID();
        String body =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"settlement.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n"
                        + "txn_ref,amount_vnd,pay_date\nEGOV-1,mười nghìn,20261122103512\n"
                        + "\r\n--" + boundary + "--\r\n";
        List<String> all = new ArrayList<>(List.of(
                "Authorization",
                "Bearer " + issuer.staff("quantri." + agency, "AGENCY_ADMIN", agency),
                "Idempotency-Key",
                UUID.randomUUID().toString(),
                "Content-Type",
                "multipart/form-data; boundary=" + boundary));
        all.addAll(List.of(headers));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/reconciliations"))
                        .headers(all.toArray(String[]::new))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSettlementFileLineThatCannotBeReadIsToldInVietnameseByDefaultAndInEnglishOnRequest() throws Exception {
        HttpResponse<String> vi = uploadBadSettlementFile();
        assertThat(assertFieldProblem(vi, 400, "settlement-file-invalid", "amount_vnd"))
                .isEqualTo("Dòng 2: số tiền không phải số nguyên.");
        assertFieldProblem(vi, 400, "settlement-file-invalid", "amount_vnd", "invalid");
        // the line is a property of the problem
        assertThat(json(vi).read("$.line", Integer.class)).isEqualTo(2);
        assertThat(json(vi).read("$.detail", String.class))
                .isEqualTo("Tệp đối soát không đọc được (dòng 2); xem danh sách lỗi.");

        HttpResponse<String> en = uploadBadSettlementFile("Accept-Language", "en");
        assertThat(assertFieldProblem(en, 400, "settlement-file-invalid", "amount_vnd"))
                .isEqualTo("Line 2: the amount is not a whole number.");
        assertFieldProblem(en, 400, "settlement-file-invalid", "amount_vnd", "invalid");
        assertThat(json(en).read("$.detail", String.class))
                .isEqualTo("The settlement file cannot be read (line 2); see the list of errors.");
        // how the message was made stays inside
        assertThat(en.body()).doesNotContain("messageKey", "messageArgs");
    }
}
