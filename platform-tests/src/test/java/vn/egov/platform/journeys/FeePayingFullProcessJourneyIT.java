package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A new citizen, from registration to a rated result, on a fee-paying procedure processed fully online,
 * with the officer and the approver of UBND phường Ba Đình; everything through the gateway.
 */
@Order(1)
@ExtendWith(PlatformExtension.class)
class FeePayingFullProcessJourneyIT {

    @Test
    void aNewCitizenGetsAHouseholdBusinessRegisteredOnlineAndPaysTheFee(Platform platform) throws IOException {
        JsonNode statsBefore = Dossiers.agencyStatistics(People.BA_DINH);

        // registers, then proves who they are against the national population registry: level 2
        People.Citizen citizen = People.registerNewCitizen();
        assertThat(Api.claims(citizen.token()).path("loa").asInt())
                .as("level right after registration")
                .isEqualTo(1);
        Api.Response verified = Api.postJson(GATEWAY + "/api/v1/identity/me/verification", citizen.token(), Map.of());
        assertThat(verified.status()).as("verification: %s", verified).isEqualTo(200);
        String token = citizen.token();
        assertThat(Api.claims(token).path("loa").asInt())
                .as("level in a token issued after verification")
                .isEqualTo(2);

        // finds the procedure typing without accents, as on a phone keyboard
        Api.Response found =
                Api.get(GATEWAY + "/api/v1/procedures?q=" + Api.encode("dang ky thanh lap ho kinh doanh"), null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(Api.list(found.json().get("items")))
                .extracting(p -> p.get("code").asString())
                .contains(Dossiers.HOUSEHOLD_BUSINESS);

        // submits with two documents; the fee is due and a payment link comes back at once
        JsonNode submitted = Dossiers.created(Dossiers.submitHouseholdBusiness(token, "Hộ kinh doanh Tạp hoá Minh An"));
        String code = submitted.get("code").asString();
        assertThat(code).startsWith(People.BA_DINH + "-");
        assertThat(submitted.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        JsonNode payment = submitted.get("payment");
        assertThat(payment.get("amount").asLong()).isEqualTo(100_000L);
        String paymentId = payment.get("id").asString();

        // pays on the payment gateway's page; the IPN settles the order, with an e-receipt
        Dossiers.payOnGatewayPage(payment.get("paymentUrl").asString());
        JsonNode paid = Dossiers.paymentWithStatus(token, paymentId, "SUCCEEDED");
        // the receipt is numbered in the collecting agency's own series (decision 36), not one for the platform
        assertThat(paid.get("receiptNumber").asString())
                .startsWith(People.BA_DINH + "/"
                        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                .getYear() + "/");
        Api.eventually(
                "the paid dossier goes to the agency's queue",
                Dossiers.PATIENCE,
                () -> Dossiers.view(token, code),
                d -> "SUBMITTED".equals(d.get("status").asString()));

        // told by email, SMS and in the inbox that the dossier arrived
        Dossiers.awaitInbox(token, code, "DOSSIER_SUBMITTED");
        Api.eventually(
                "an email naming " + code,
                Dossiers.PATIENCE,
                () -> Mailbox.of(citizen.email()),
                mails -> mails.stream().anyMatch(m -> (m.subject() + m.body()).contains(code)));
        Api.eventually(
                "an SMS naming " + code,
                Dossiers.PATIENCE,
                () -> Dossiers.smsTo(citizen.phone()),
                sms -> sms.stream().anyMatch(s -> s.path("text").asString().contains(code)));

        // the officer receives it and asks, once, for a missing document
        String officer = People.token(People.OFFICER);
        Dossiers.acted(officer, code, "receive", Map.of("note", "Tiếp nhận hồ sơ"));
        Dossiers.acted(
                officer,
                code,
                "request-supplement",
                Map.of(
                        "reason",
                        "Hợp đồng thuê chưa có chữ ký bên cho thuê",
                        "missingDocuments",
                        List.of("HOP_DONG_THUE")));
        Dossiers.awaitInbox(token, code, "DOSSIER_SUPPLEMENT_REQUESTED");

        // the citizen supplies it
        Dossiers.supplement(token, code, "HOP_DONG_THUE", "hop-dong-ky.pdf", "hop dong thue da ky", "Bản có đủ chữ ký");

        // forwarded, resolved by the approver with the certificate, returned by the officer
        Dossiers.acted(officer, code, "forward", Map.of("note", "Chuyển phê duyệt"));
        Dossiers.resolveWith(
                People.token(People.APPROVER),
                code,
                "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
                "giay-chung-nhan-hkd.pdf",
                "giay chung nhan dang ky ho kinh doanh");
        Dossiers.acted(officer, code, "return-result", Map.of("note", "Trả kết quả trực tuyến"));
        Dossiers.awaitInbox(token, code, "DOSSIER_RESULT_RETURNED");
        // dossier events travel in order (keyed by code): by now the paid-fee transition was handled too, and the
        // citizen was told "submitted" once, with the receipt separately
        assertThat(Dossiers.inboxAbout(token, code).stream()
                        .map(i -> i.path("kind").asString())
                        .filter(k -> k.equals("DOSSIER_SUBMITTED") || k.equals("PAYMENT_SUCCEEDED"))
                        .sorted()
                        .toList())
                .containsExactly("DOSSIER_SUBMITTED", "PAYMENT_SUCCEEDED");

        // the citizen downloads the result and rates the service
        JsonNode dossier = Dossiers.view(token, code);
        assertThat(dossier.get("status").asString()).isEqualTo("RESULT_RETURNED");
        JsonNode result = Api.list(dossier.get("documents")).stream()
                .filter(d -> "RESULT".equals(d.path("kind").asString()))
                .findFirst()
                .orElseThrow();
        Api.Response file = Api.get(
                GATEWAY + "/api/v1/dossiers/" + code + "/documents/"
                        + result.get("id").asString(),
                token);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).startsWith("%PDF").contains("giay chung nhan dang ky ho kinh doanh");
        Api.Response rated = Api.postJson(
                GATEWAY + "/api/v1/dossiers/" + code + "/rating",
                token,
                Map.of("score", 5, "comment", "Nhanh, không phải đi lại"));
        assertThat(rated.status()).as("rating: %s", rated).isEqualTo(201);

        // the certificate stays in the citizen's own document store, ready to give again (once-only)
        Api.Response store = Api.get(GATEWAY + "/api/v1/documents?kind=RESULT", token);
        assertThat(store.status()).as("document store: %s", store).isEqualTo(200);
        JsonNode issued = Api.list(store.json().get("items")).stream()
                .filter(d -> code.equals(d.path("dossierCode").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(issued.get("fileName").asString()).isEqualTo("giay-chung-nhan-hkd.pdf");
        assertThat(Api.get(GATEWAY + "/api/v1/documents/" + issued.get("id").asString(), token)
                        .text())
                .contains("giay chung nhan dang ky ho kinh doanh");
        assertThat(Api.get(GATEWAY + "/api/v1/documents/" + issued.get("id").asString(), People.token(People.OFFICER))
                        .status())
                .isEqualTo(403);

        // anyone with the code sees where it is, and nothing about the person
        Api.Response lookup = Api.get(
                GATEWAY + "/api/v1/public/dossiers/" + code + "?secret="
                        + submitted.get("lookupSecret").asString(),
                null);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("status").asString()).isEqualTo("RESULT_RETURNED");
        assertThat(lookup.text())
                .doesNotContain(citizen.nationalId(), citizen.fullName(), citizen.email(), citizen.phone(), "Minh An");

        // the agency's statistics count it resolved on time and paid online
        JsonNode statsAfter = Dossiers.agencyStatistics(People.BA_DINH);
        assertThat(statsAfter.get("resolvedOnTime").asLong())
                .isEqualTo(statsBefore.path("resolvedOnTime").asLong() + 1);
        assertThat(statsAfter.get("resolvedLate").asLong())
                .isEqualTo(statsBefore.path("resolvedLate").asLong());
        assertThat(statsAfter.get("paidOnlineShare").asDouble()).isGreaterThan(0.0);
        // and the open data per agency, sector and channel comes through the gateway as a CSV file
        Api.Response openData =
                Api.get(GATEWAY + "/api/v1/statistics/dossiers?format=csv&agency=" + People.BA_DINH, null);
        assertThat(openData.status()).as("open data: %s", openData).isEqualTo(200);
        assertThat(openData.header("Content-Type")).startsWith("text/csv");
        assertThat(openData.header("Content-Disposition")).startsWith("attachment; filename=\"ho-so-");
        assertThat(openData.text())
                .startsWith("from,to,agencyCode,agencyName,sectorCode,sectorName,channel,carriedOver,received,")
                .contains("," + People.BA_DINH + ",Ủy ban nhân dân phường Ba Đình,");

        // no personal data in any log line of the platform's own applications (decision 32): the citizen's CCCD,
        // phone and email went through every service above (registration, verification, notices, payment)
        assertThat(linesNaming(platform.logsDir(), citizen.nationalId(), citizen.phone(), citizen.email()))
                .as("log lines naming the citizen's CCCD, phone or email")
                .isEmpty();
    }

    /** The platform's applications, not Keycloak or the simulators (third parties that see the data by design). */
    private static final List<String> OWN_LOGS = List.of(
            "gateway-service", "identity-service", "dossier-service", "payment-service", "notification-service");

    private static List<String> linesNaming(Path logs, String... values) throws IOException {
        List<String> found = new ArrayList<>();
        for (String app : OWN_LOGS) {
            Path log = logs.resolve(app + ".log");
            assertThat(log).as("%s writes its log where ./egov up puts it", app).exists();
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(lines).as("%s logged something", app).isNotEmpty();
            for (String line : lines) {
                for (String value : values) {
                    if (line.contains(value)) {
                        found.add(app + ": " + line);
                    }
                }
            }
        }
        return found;
    }
}
