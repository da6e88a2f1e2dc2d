package vn.egov.commons.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.ProblemFactory;

class LevelOfAssuranceTest {

    final KeycloakJwtAuthenticationConverter converter = new KeycloakJwtAuthenticationConverter();
    final ProblemFactory problems = new ProblemFactory();

    @Test
    void aHighEnoughLevelPasses() {
        assertThatCode(() -> LevelOfAssurance.require(converter.convert(token(2)), 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> LevelOfAssurance.require(converter.convert(token(3)), 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> LevelOfAssurance.require(converter.convert(token(1)), 1))
                .doesNotThrowAnyException();
    }

    @Test
    void aLowerLevelIs403WithBothLevelsNamed() {
        ApiProblem problem =
                catchThrowableOfType(ApiProblem.class, () -> LevelOfAssurance.require(converter.convert(token(1)), 2));
        assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(problem.code()).isEqualTo("level-of-assurance-required");
        assertThat(problem.properties()).containsEntry("requiredLevel", 2).containsEntry("currentLevel", 1);
        assertThat(problem.args()).containsExactly(2, 1);
    }

    @Test
    void aTokenWithoutTheClaimCountsAsLevelZero() {
        ApiProblem problem = catchThrowableOfType(
                ApiProblem.class, () -> LevelOfAssurance.require(converter.convert(token(null)), 1));
        assertThat(problem.properties()).containsEntry("currentLevel", 0);
    }

    @Test
    void noJwtCallerIsUnauthorised() {
        assertThat(catchThrowableOfType(
                                ApiProblem.class,
                                () -> LevelOfAssurance.require(new TestingAuthenticationToken("someone", "x"), 2))
                        .status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> LevelOfAssurance.require((EgovPrincipal) null, 2))
                        .status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theProblemSpeaksVietnameseByDefaultAndEnglishOnRequest() {
        ApiProblem problem =
                catchThrowableOfType(ApiProblem.class, () -> LevelOfAssurance.require(converter.convert(token(1)), 2));
        ProblemDetail vi = problems.create(problem.status(), problem.code(), null, "c-1", List.of(), problem.args());
        assertThat(vi.getType().toString()).isEqualTo("urn:egov:problem:level-of-assurance-required");
        assertThat(vi.getTitle()).isEqualTo("Cần định danh điện tử mức độ cao hơn");
        assertThat(vi.getDetail()).contains("mức độ 2", "mức độ 1");
        ProblemDetail en =
                problems.create(problem.status(), problem.code(), Locale.ENGLISH, "c-1", List.of(), problem.args());
        assertThat(en.getTitle()).isEqualTo("Higher level of assurance required");
        assertThat(en.getDetail()).contains("level 2", "at level 1");
    }

    private static Jwt token(Integer loa) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("p-1")
                .claim("preferred_username", "001090012345")
                .claim("realm_access", Map.of("roles", List.of("CITIZEN")))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (loa != null) {
            jwt.claim("loa", loa);
        }
        return jwt.build();
    }
}
