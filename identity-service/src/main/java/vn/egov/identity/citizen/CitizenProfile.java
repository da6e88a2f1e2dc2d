package vn.egov.identity.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.egov.identity.personaldata.PersonalDataProtector;
import vn.egov.identity.validation.Sex;

/** A registered citizen's local profile (the identity number only sealed and as its blind index). */
public record CitizenProfile(
        UUID id,
        String fullName,
        PersonalDataProtector.Sealed nationalId,
        String nationalIdIndex,
        LocalDate dateOfBirth,
        Sex sex,
        String email,
        String phone,
        int levelOfAssurance,
        Instant verifiedAt,
        Instant createdAt) {

    /** The purpose bound into the identity number's ciphertext and blind index. */
    public static final String NATIONAL_ID = "citizen.national-id";
}
