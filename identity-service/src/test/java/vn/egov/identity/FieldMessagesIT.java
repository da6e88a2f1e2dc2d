package vn.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.egov.testsupport.FieldProblems.assertFieldProblem;
import static vn.egov.testsupport.ServiceConformance.json;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import vn.egov.testsupport.RealInfrastructureInitializer;
import vn.egov.testsupport.ServiceConformance;

/**
 * The field messages of a problem speak the request's language like its {@code detail} does: Vietnamese by
 * default (whatever the JVM's own locale), English on {@code Accept-Language: en}; the {@code code}s never change.
 * The registration is refused on its identity number before Keycloak is asked anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class FieldMessagesIT {

    /** 003 is no province's code; everything else is valid. */
    static final String BAD_CCCD = """
            {"fullName": "Nguyễn Văn Thử", "nationalId": "003090012345", "dateOfBirth": "1990-05-15", "sex": "MALE",
             "email": "thu.ngon-ngu@example.vn", "phone": "0912345678", "password": "Strong@Pass1"}""";

    @LocalServerPort
    int port;

    HttpResponse<String> register(String... headers) {
        return new ServiceConformance(port).post("/api/v1/identity/registrations", null, BAD_CCCD, headers);
    }

    @Test
    void aRegistrationWithABadIdentityNumberIsToldSoInVietnameseByDefaultAndInEnglishOnRequest() {
        for (HttpResponse<String> vi : List.of(register(), register("Accept-Language", "vi-VN,vi;q=0.9"))) {
            assertThat(assertFieldProblem(vi, 400, "validation-failed", "nationalId", "national-id-province"))
                    .isEqualTo("Mã tỉnh (3 chữ số đầu) của số định danh cá nhân không tồn tại.");
            assertThat(json(vi).read("$.detail", String.class))
                    .isEqualTo("Một số trường dữ liệu không hợp lệ; xem danh sách lỗi.");
        }

        HttpResponse<String> en = register("Accept-Language", "en");
        assertThat(assertFieldProblem(en, 400, "validation-failed", "nationalId", "national-id-province"))
                .isEqualTo("The province code (first 3 digits) of the identity number does not exist.");
        assertThat(json(en).read("$.detail", String.class))
                .isEqualTo("Some fields are invalid; see the list of errors.");
        // how the message was made stays inside
        assertThat(en.body()).doesNotContain("messageKey", "messageArgs");
    }
}
