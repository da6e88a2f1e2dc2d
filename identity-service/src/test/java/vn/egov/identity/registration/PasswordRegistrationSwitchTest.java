package vn.egov.identity.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import vn.egov.commons.web.ApiProblem;

/**
 * Decision 38: password registration is closed unless switched on, and only the local and test profiles' files switch
 * it on (the journeys through ./egov up and this module's ITs, which register, prove it is on there).
 */
class PasswordRegistrationSwitchTest {

    @Test
    void aClosedRegistrationRefusesBeforeReadingAnything() {
        // no service and no idempotency store: the refusal comes before either would be touched
        RegistrationController closed = new RegistrationController(null, null, false);
        ApiProblem problem = catchThrowableOfType(
                ApiProblem.class,
                () -> closed.register(
                        "key-1",
                        new RegistrationController.RegistrationRequest(
                                "Nguyễn Văn An",
                                "001090012345",
                                "1990-05-15",
                                "MALE",
                                "an@example.vn",
                                "0912345678",
                                "Mat-Khau-2026")));
        assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(problem.code()).isEqualTo("password-registration-closed");
    }

    @Test
    void closedByDefaultAndOpenedOnlyForLocalRunsAndTests() throws IOException {
        assertThat(property("application.yml")).isEqualTo("${IDENTITY_PASSWORD_REGISTRATION:false}");
        assertThat(property("application-local.yml")).isEqualTo("${IDENTITY_PASSWORD_REGISTRATION:true}");
        assertThat(property("application-test.yml")).isEqualTo("${IDENTITY_PASSWORD_REGISTRATION:true}");
    }

    private static String property(String file) throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        assertThat(documents).as(file).hasSize(1);
        return String.valueOf(documents.get(0).getProperty("egov.identity.password-registration"));
    }
}
