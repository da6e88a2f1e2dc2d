package vn.egov.identity.verification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.egov.commons.web.ProblemFactory;
import vn.egov.identity.citizen.CitizenProfile;
import vn.egov.identity.citizen.CitizenProfileRepository;
import vn.egov.identity.personaldata.PersonalDataProtector;
import vn.egov.identity.validation.InputLimits;
import vn.egov.identity.validation.NationalIdPolicy;
import vn.egov.identity.validation.PersonNamePolicy;
import vn.egov.identity.validation.ValidationErrors;
import vn.egov.identity.verification.MinistryVerificationController.VerificationRequest;

/** Matching and its audit trail (client, time, outcome, the CCCD only as its blind index). */
@Service
class MinistryVerificationService {

    static final int VERIFIED_LEVEL = 2;

    private final CitizenProfileRepository profiles;
    private final PersonalDataProtector protector;
    private final JdbcClient jdbc;
    private final ProblemFactory problems;

    MinistryVerificationService(
            CitizenProfileRepository profiles,
            PersonalDataProtector protector,
            JdbcClient jdbc,
            ProblemFactory problems) {
        this.profiles = profiles;
        this.protector = protector;
        this.jdbc = jdbc;
        this.problems = problems;
    }

    // no surrounding transaction on purpose: each audit row commits on its own, also when a problem is thrown
    boolean matches(String client, VerificationRequest request) {
        ValidationErrors errors = new ValidationErrors();
        LocalDate dateOfBirth = null;
        String nationalId = request == null || request.nationalId() == null
                ? null
                : request.nationalId().strip();
        if (errors.require("nationalId", nationalId) && !NationalIdPolicy.hasFormat(nationalId)) {
            errors.add("nationalId", NationalIdPolicy.FORMAT);
        }
        if (errors.require("fullName", request == null ? null : request.fullName())) {
            errors.maxLength("fullName", request.fullName(), InputLimits.FULL_NAME);
        }
        if (errors.require("dateOfBirth", request == null ? null : request.dateOfBirth())
                && errors.maxLength("dateOfBirth", request.dateOfBirth(), InputLimits.DATE)) {
            try {
                dateOfBirth = LocalDate.parse(request.dateOfBirth().strip());
            } catch (DateTimeParseException e) {
                errors.add("dateOfBirth", "date-format");
            }
        }
        String index = nationalId != null && NationalIdPolicy.hasFormat(nationalId)
                ? protector.blindIndex(nationalId, CitizenProfile.NATIONAL_ID)
                : null;
        if (!errors.isEmpty()) {
            audit(client, "INVALID", index);
            errors.throwIfAny(problems);
        }
        Optional<CitizenProfile> found = profiles.findByNationalIdIndex(index);
        LocalDate dob = dateOfBirth;
        boolean match = found.filter(p -> p.levelOfAssurance() >= VERIFIED_LEVEL)
                .filter(p -> p.dateOfBirth().equals(dob))
                .filter(p -> PersonNamePolicy.sameName(p.fullName(), request.fullName()))
                .isPresent();
        audit(client, match ? "MATCH" : "NO_MATCH", index);
        return match;
    }

    void auditDenied(String client) {
        audit(client, "DENIED", null);
    }

    private void audit(String client, String outcome, String nationalIdIndex) {
        jdbc.sql("insert into identity_verification_audit (client_id, outcome, national_id_index) values (:c, :o, :i)")
                .param("c", client == null ? "unknown" : client)
                .param("o", outcome)
                .param("i", nationalIdIndex)
                .update();
    }
}
