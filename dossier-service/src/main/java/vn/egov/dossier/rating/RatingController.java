package vn.egov.dossier.rating;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.dossier.input.InputLimits;

/**
 * The owner's satisfaction rating over HTTP; {@link Ratings} checks and records it.
 */
@RestController
class RatingController {

    record RatingRequest(
            Integer score, @Size(max = InputLimits.COMMENT) String comment) {}

    private final Ratings ratings;

    RatingController(Ratings ratings) {
        this.ratings = ratings;
    }

    @PostMapping("/api/v1/dossiers/{code}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate the service once the result was returned (owner, once)")
    Ratings.Rating rate(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String code, @Valid @RequestBody RatingRequest body) {
        return ratings.rate(
                EgovPrincipal.from(jwt),
                code,
                body == null ? null : body.score(),
                body == null ? null : body.comment());
    }
}
