package vn.egov.dossier.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The field messages of a problem speak the request's language like its {@code detail} does: Vietnamese by
 * default (whatever the JVM's own locale), English on {@code Accept-Language: en}; the {@code code}s never change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class FieldMessagesIT {

    @LocalServerPort
    int port;

    /** A birth registration without its form data and with only one of its two mandatory documents. */
    HttpResponse<String> submitWithoutFormDataNorTheForm(String... headers) {
        DossierApi api = new DossierApi(port);
        return api.multipart(
                "/api/v1/dossiers",
                api.citizen("001090020031", 1),
                List.of(
                        DossierLifecycleIT.Part.json(
                                "dossier",
                                "{\"procedureCode\":\"1.001193\",\"documents\":[{\"requirementCode\":"
                                        + "\"GIAY_CHUNG_SINH\",\"fileName\":\"giay-chung-sinh.png\"}]}"),
                        DossierLifecycleIT.Part.file("giay-chung-sinh.png", "image/png", DossierApi.PNG)),
                headers);
    }

    @Test
    void aSubmissionMissingItsFormDataAndADocumentIsToldSoInVietnameseByDefaultAndInEnglishOnRequest() {
        for (HttpResponse<String> vi :
                List.of(submitWithoutFormDataNorTheForm(), submitWithoutFormDataNorTheForm("Accept-Language", "vi"))) {
            assertThat(assertFieldProblem(vi, 422, "dossier-invalid", "formData.childName"))
                    .isEqualTo("Bắt buộc.");
            assertThat(assertFieldProblem(vi, 422, "dossier-invalid", "documents"))
                    .isEqualTo("Thiếu giấy tờ bắt buộc TO_KHAI.");
            assertThat(vi.body())
                    .contains("\"detail\":\"Hồ sơ chưa hợp lệ; xem danh sách lỗi.\"")
                    .contains("\"code\":\"required\"", "\"code\":\"missing-document\"");
        }

        HttpResponse<String> en = submitWithoutFormDataNorTheForm("Accept-Language", "en");
        assertThat(assertFieldProblem(en, 422, "dossier-invalid", "formData.childName"))
                .isEqualTo("Required.");
        assertThat(assertFieldProblem(en, 422, "dossier-invalid", "documents"))
                .isEqualTo("The mandatory document TO_KHAI is missing.");
        assertThat(en.body())
                .contains("\"detail\":\"The dossier is not valid; see the list of errors.\"")
                .contains("\"code\":\"required\"", "\"code\":\"missing-document\"")
                // the bundles' key and arguments stay on the server
                .doesNotContain("messageKey", "messageArgs", "validation.dossier");
    }
}
