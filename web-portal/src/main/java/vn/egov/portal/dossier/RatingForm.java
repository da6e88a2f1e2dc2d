package vn.egov.portal.dossier;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The rating form: a score of 1–5 (the API's rule) and an optional comment (at most the API's 1000 characters). */
record RatingForm(
        @NotNull(message = "{rating.score.required}")
        @Min(value = 1, message = "{rating.score.required}")
        @Max(value = 5, message = "{rating.score.required}")
        Integer score,

        @Size(max = 1000, message = "{rating.comment.size}") String comment) {}
