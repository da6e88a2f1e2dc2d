package vn.egov.portal;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal as production has it (decision 38): registration with a password is closed (identity-service answers it
 * with 403), so the header offers no "Đăng ký" and the registration page says accounts come from VNeID, with its
 * link, instead of a form that would only be refused; a posted form reaches nobody.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PortalTestSetup
class RegistrationClosedTest extends WithPublicApi {

    /** Above PortalTestSetup's value (a dynamic property outranks a test property source). */
    @DynamicPropertySource
    static void asInProduction(DynamicPropertyRegistry registry) {
        registry.add("egov.portal.password-registration", () -> "false");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void noRegistrationLinkAndThePageSaysAccountsComeFromVneid() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Đăng nhập bằng VNeID"), not(containsString("href=\"/dang-ky\"")))));
        mvc.perform(get("/dang-ky"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"registration-closed\""),
                                containsString("href=\"/dang-nhap?vneid=\""),
                                not(containsString("<form class=\"account-form\"")))));
        mvc.perform(post("/dang-ky")
                        .with(csrf())
                        .param("fullName", "Nguyễn Văn An")
                        .param("nationalId", "001090012345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"registration-closed\"")));
        api.server.verify(0, WireMock.postRequestedFor(WireMock.urlPathEqualTo("/api/v1/identity/registrations")));
    }
}
