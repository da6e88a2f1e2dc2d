package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.platform.journeys.Platform.GATEWAY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The demo citizen's free procedure through the whole one-stop desk (submit with a PDF → receive →
 * supplement → resolve → return → rate → public lookup), then once-only: the next dossier gives the
 * documents already in the citizen's store instead of uploading them again.
 */
@Order(2)
@ExtendWith(PlatformExtension.class)
class ZeroFeeFullProcessJourneyIT {

    @Test
    void theDemoCitizensFreeDossierGoesThroughTheDeskAndItsDocumentsAreNotAskedAgain() {
        String citizen = People.token(People.DEMO_CITIZEN);
        JsonNode submitted = Dossiers.created(Dossiers.submitBirthRegistration(citizen, "Đỗ Minh Khang"));
        String code = submitted.get("code").asString();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("payment").isNull())
                .as("no fee, no payment link")
                .isTrue();

        String officer = People.token(People.OFFICER);
        Dossiers.acted(officer, code, "receive", Map.of("note", "Tiếp nhận"));
        Dossiers.acted(
                officer,
                code,
                "request-supplement",
                Map.of("reason", "Thiếu văn bản ủy quyền của người mẹ", "missingDocuments", List.of("UY_QUYEN")));
        Dossiers.awaitInbox(citizen, code, "DOSSIER_SUPPLEMENT_REQUESTED");
        Dossiers.supplement(citizen, code, "UY_QUYEN", "uy-quyen.pdf", "van ban uy quyen", "Bổ sung văn bản ủy quyền");

        Dossiers.acted(officer, code, "forward", Map.of("note", "Chuyển phê duyệt"));
        Dossiers.resolveWith(
                People.token(People.APPROVER),
                code,
                "Đồng ý đăng ký khai sinh",
                "trich-luc-khai-sinh.pdf",
                "trich luc khai sinh Do Minh Khang");
        Dossiers.acted(officer, code, "return-result", Map.of("note", "Trả kết quả trực tuyến"));
        Dossiers.awaitInbox(citizen, code, "DOSSIER_RESULT_RETURNED");
        Api.Response rated =
                Api.postJson(GATEWAY + "/api/v1/dossiers/" + code + "/rating", citizen, Map.of("score", 4));
        assertThat(rated.status()).as("rating: %s", rated).isEqualTo(201);

        Api.Response lookup = Api.get(
                GATEWAY + "/api/v1/public/dossiers/" + code + "?secret="
                        + submitted.get("lookupSecret").asString(),
                null);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().get("status").asString()).isEqualTo("RESULT_RETURNED");
        assertThat(lookup.json().hasNonNull("appointmentDate")).isTrue();
        assertThat(lookup.text()).doesNotContain("Đỗ Minh Khang", People.DEMO_CITIZEN, "to-khai.pdf", "trich-luc");

        // once-only: the form and the birth certificate (giấy chứng sinh) already given, and the extract issued,
        // are in the citizen's store (each file once: the same bytes given in another dossier are listed once)
        List<JsonNode> documents = Api.list(Dossiers.view(citizen, code).get("documents"));
        String form = idOf(documents, "TO_KHAI");
        String certificate = idOf(documents, "GIAY_CHUNG_SINH");
        Api.Response store = Api.get(GATEWAY + "/api/v1/documents?size=100", citizen);
        assertThat(store.status()).as("document store: %s", store).isEqualTo(200);
        List<JsonNode> mine = Api.list(store.json().get("items"));
        assertThat(mine)
                .anySatisfy(d -> assertThat(List.of(
                                d.path("kind").asString(),
                                d.path("fileName").asString(),
                                d.path("dossierCode").asString()))
                        .containsExactly("RESULT", "trich-luc-khai-sinh.pdf", code));
        String certificateDigest = documents.stream()
                .filter(d -> certificate.equals(d.path("id").asString()))
                .findFirst()
                .orElseThrow()
                .get("sha256")
                .asString();
        assertThat(mine).anySatisfy(d -> assertThat(d.path("sha256").asString()).isEqualTo(certificateDigest));
        Api.Response again = Api.postMultipart(
                GATEWAY + "/api/v1/dossiers",
                citizen,
                List.of(Api.Part.json(
                        "dossier",
                        Map.of(
                                "procedureCode", Dossiers.BIRTH_REGISTRATION,
                                "formData",
                                        Map.of(
                                                "childName",
                                                "Đỗ Minh Khang",
                                                "childDateOfBirth",
                                                "2026-11-01",
                                                "childSex",
                                                "MALE",
                                                "placeOfBirth",
                                                "Bệnh viện Phụ sản Hà Nội",
                                                "relationship",
                                                "MOTHER"),
                                "documents",
                                        List.of(
                                                Map.of("requirementCode", "TO_KHAI", "storedDocumentId", form),
                                                Map.of(
                                                        "requirementCode",
                                                        "GIAY_CHUNG_SINH",
                                                        "storedDocumentId",
                                                        certificate))))));
        String second = Dossiers.created(again).get("code").asString();
        JsonNode given = Api.list(Dossiers.view(officer, second).get("documents")).stream()
                .filter(d -> "GIAY_CHUNG_SINH".equals(d.path("requirementCode").asString()))
                .findFirst()
                .orElseThrow();
        Api.Response copy = Api.get(
                GATEWAY + "/api/v1/dossiers/" + second + "/documents/"
                        + given.get("id").asString(),
                officer);
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.text()).startsWith("%PDF").contains("giay chung sinh");
        Dossiers.acted(citizen, second, "withdraw", Map.of("reason", "Nộp nhầm, hồ sơ đã có kết quả"));
    }

    private static String idOf(List<JsonNode> documents, String requirementCode) {
        return documents.stream()
                .filter(d -> requirementCode.equals(d.path("requirementCode").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(requirementCode + " not in " + documents))
                .get("id")
                .asString();
    }
}
