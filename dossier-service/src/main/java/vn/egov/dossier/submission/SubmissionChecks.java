package vn.egov.dossier.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.security.LevelOfAssurance;
import vn.egov.commons.time.VietnamTime;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.document.AcceptedFile;
import vn.egov.dossier.document.PersonalDocuments;
import vn.egov.dossier.identity.IdentityProfiles;
import vn.egov.dossier.intake.Intake;
import vn.egov.dossier.procedure.Channel;
import vn.egov.dossier.procedure.Procedure;
import vn.egov.dossier.procedure.ProcedureCatalogue;
import vn.egov.dossier.submission.SubmissionService.Applicant;
import vn.egov.dossier.submission.SubmissionService.SubmissionRequest;

/**
 * Everything checked before a submission stores anything, in this order: the form's size (400), the procedure
 * (404), the agency that offers it (422 on agencyCode), its case (422 on caseCode), the level of assurance (403), the business applicant (identity-service: 403, 503), prefill, then the form
 * and the documents (422, all field errors at once). What passes is a {@link Checked} submission.
 */
@Component
class SubmissionChecks {

    private static final Logger log = LoggerFactory.getLogger(SubmissionChecks.class);

    /** A submission that passed every check: what {@link SubmittedDossiers} stores. */
    record Checked(
            Procedure procedure,
            Applicant applicant,
            SubmissionRequest request,
            List<AcceptedFile> files,
            List<String> prefilled,
            long feeVnd,
            String applicantFullName,
            Procedure.Case submittedCase) {}

    private final ProcedureCatalogue catalogue;
    private final Intake intake;
    private final IdentityProfiles identities;
    private final PersonalDocuments personalDocuments;
    private final Clock clock;

    SubmissionChecks(
            ProcedureCatalogue catalogue,
            Intake intake,
            IdentityProfiles identities,
            PersonalDocuments personalDocuments,
            Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.intake = intake;
        this.identities = identities;
        this.personalDocuments = personalDocuments;
    }

    /** {@code bearerToken}: the citizen's own access token, relayed to identity-service when their profile is needed. */
    Checked check(
            EgovPrincipal who,
            String bearerToken,
            Map<String, Object> claims,
            SubmissionRequest parsed,
            List<MultipartFile> files) {
        List<ApiProblem.FieldError> tooLarge = intake.checkFormSize(parsed.formData());
        if (!tooLarge.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", tooLarge, Map.of());
        }
        Procedure listed = Optional.ofNullable(parsed.procedureCode())
                .flatMap(catalogue::find)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "procedure-not-found", parsed.procedureCode()));
        Procedure offered = listed.at(offering(listed, parsed.agencyCode()));
        Optional<Procedure.Case> chosen = intake.chosenCase(offered, parsed.caseCode());
        Procedure procedure = offered.inCase(chosen.map(Procedure.Case::code).orElse(null))
                // the terms in force today: the day the dossier is submitted (decision 59)
                .through(Channel.ONLINE, LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE));
        LevelOfAssurance.require(who, procedure.requiredLevelOfAssurance());
        ProfileOnce profile = new ProfileOnce(identities, bearerToken);
        Applicant applicant = applicant(parsed.applicantBusinessTaxCode(), profile);
        Prefill.Result filled = Prefill.fill(
                procedure, parsed.formData(), who, claims == null ? Map.of() : claims, profile::ifAvailable);
        SubmissionRequest request = new SubmissionRequest(
                parsed.procedureCode(),
                procedure.agencyCode(),
                filled.formData(),
                parsed.documents(),
                parsed.applicantBusinessTaxCode(),
                chosen.map(Procedure.Case::code).orElse(null));
        List<ApiProblem.FieldError> errors = new ArrayList<>(intake.checkForm(procedure, request.formData()));
        List<AcceptedFile> accepted = intake.checkDocuments(
                request.documents(),
                files,
                procedure::document,
                procedure.documents().stream()
                        .filter(Procedure.RequiredDocument::mandatory)
                        .map(Procedure.RequiredDocument::code)
                        .toList(),
                errors,
                id -> personalDocuments.find(who.subject(), id));
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "dossier-invalid", errors, Map.of());
        }
        // the submitter's name as the token gives it: the desk's search by name (ApplicantIndex), never stored in clear
        Object name = Prefill.nameFromToken(claims == null ? Map.of() : claims);
        return new Checked(
                procedure,
                applicant,
                request,
                accepted,
                filled.prefilled(),
                procedure.feeFor(request.formData()),
                name == null ? null : name.toString(),
                chosen.orElse(null));
    }

    /**
     * The agency the dossier goes to: the one named, which must offer the procedure online today; none named, the
     * only one that does. Anything else is a 422 on {@code agencyCode} (decision 52).
     */
    private Procedure.Offering offering(Procedure procedure, String agencyCode) {
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), VietnamTime.ZONE);
        List<Procedure.Offering> online = procedure.agencies().stream()
                .filter(o -> o.receivesOnline() && o.validOn(today))
                .toList();
        if (agencyCode == null || agencyCode.isBlank()) {
            if (online.size() == 1) {
                return online.get(0);
            }
            throw invalidAgency(
                    online.isEmpty() ? "procedure-not-offered-online" : "agency-required", procedure.code());
        }
        Procedure.Offering named = procedure
                .offering(agencyCode.trim())
                .filter(o -> o.validOn(today))
                .orElseThrow(() -> invalidAgency("agency-does-not-offer", agencyCode.trim()));
        if (!named.receivesOnline()) {
            throw invalidAgency("agency-not-online", named.agencyName());
        }
        return named;
    }

    private ApiProblem invalidAgency(String code, Object argument) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "dossier-invalid",
                List.of(intake.error("agencyCode", code, argument)),
                Map.of());
    }

    /**
     * The applicant: the citizen themselves, or a business they represent as identity-service says (asked with
     * the citizen's own token). Without that answer a business cannot be the applicant: 503, try again.
     */
    private static Applicant applicant(String taxCode, ProfileOnce profiles) {
        if (taxCode == null || taxCode.isBlank()) {
            return Applicant.SELF;
        }
        String wanted = taxCode.trim();
        IdentityProfiles.Profile profile;
        try {
            profile = profiles.required();
        } catch (IdentityProfiles.IdentityUnavailableException e) {
            log.warn("identity-service unavailable for a business submission: {}", e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable");
        }
        return profile.business(wanted)
                .map(b -> new Applicant(b.taxCode(), b.name()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not-business-representative", wanted));
    }

    /** The citizen's profile at identity-service, asked at most once per submission and only if needed. */
    private static final class ProfileOnce {
        private final IdentityProfiles identities;
        private final String bearerToken;
        private IdentityProfiles.Profile profile;
        private IdentityProfiles.IdentityUnavailableException failure;

        ProfileOnce(IdentityProfiles identities, String bearerToken) {
            this.identities = identities;
            this.bearerToken = bearerToken;
        }

        IdentityProfiles.Profile required() {
            if (profile == null && failure == null) {
                try {
                    profile = identities.me(bearerToken);
                } catch (IdentityProfiles.IdentityUnavailableException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return profile;
        }

        /** For prefill: degrade to the token's claims when identity-service cannot answer. */
        Optional<IdentityProfiles.Profile> ifAvailable() {
            try {
                return Optional.of(required());
            } catch (IdentityProfiles.IdentityUnavailableException e) {
                log.info("identity-service unavailable, prefilling from the token: {}", e.getMessage());
                return Optional.empty();
            }
        }
    }
}
