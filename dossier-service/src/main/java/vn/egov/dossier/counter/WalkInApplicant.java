package vn.egov.dossier.counter;

import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import vn.egov.commons.web.ApiProblem;

/**
 * The person a walk-in dossier is taken for, as the officer reads it from their identity card. Personal data: sealed
 * at rest, never logged ({@link #toString()} names nothing). {@code sex} (MALE, FEMALE) is optional; when given, the
 * national id must agree with it.
 */
public record WalkInApplicant(
        @Size(max = 12) String nationalId,
        @Size(max = 200) String fullName,
        @Size(max = 10) String dateOfBirth,
        @Size(max = 6) String sex,
        @Size(max = 20) String phone,
        @Size(max = 254) String email) {

    @Override
    public String toString() {
        return "WalkInApplicant[personal data]";
    }

    /** What is wrong, as field errors ({@code error}: field, code → the worded error); the field prefix is {@code applicant.}. */
    List<ApiProblem.FieldError> check(LocalDate today, BiFunction<String, String, ApiProblem.FieldError> error) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        LocalDate born = null;
        if (blank(dateOfBirth)) {
            errors.add(error.apply("applicant.dateOfBirth", "required"));
        } else {
            try {
                born = LocalDate.parse(dateOfBirth.strip());
                if (born.isAfter(today) || born.getYear() < 1900) {
                    errors.add(error.apply("applicant.dateOfBirth", "invalid-date-of-birth"));
                    born = null;
                }
            } catch (DateTimeException e) {
                errors.add(error.apply("applicant.dateOfBirth", "invalid-date"));
            }
        }
        if (blank(fullName)) {
            errors.add(error.apply("applicant.fullName", "required"));
        }
        String sexGiven = blank(sex) ? null : sex.strip().toUpperCase(Locale.ROOT);
        if (sexGiven != null && !sexGiven.equals("MALE") && !sexGiven.equals("FEMALE")) {
            errors.add(error.apply("applicant.sex", "invalid-sex"));
            sexGiven = null;
        }
        if (blank(nationalId)) {
            errors.add(error.apply("applicant.nationalId", "required"));
        } else if (!NationalIds.wellFormed(nationalId)) {
            errors.add(error.apply("applicant.nationalId", "invalid-national-id"));
        } else if (born != null && !NationalIds.agrees(nationalId, born, sexGiven)) {
            errors.add(error.apply("applicant.nationalId", "national-id-mismatch"));
        }
        if (!blank(phone) && !phone.strip().matches("0[35789]\\d{8}|\\+84\\d{9}")) {
            errors.add(error.apply("applicant.phone", "invalid-phone"));
        }
        if (!blank(email) && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(error.apply("applicant.email", "invalid-email"));
        }
        return errors;
    }

    /** The applicant as stored (sealed): trimmed, sex upper-cased, blanks as null. */
    WalkInApplicant normalised() {
        return new WalkInApplicant(
                nationalId.strip(),
                fullName.strip(),
                dateOfBirth.strip(),
                blank(sex) ? null : sex.strip().toUpperCase(Locale.ROOT),
                blank(phone) ? null : phone.strip(),
                blank(email) ? null : email.strip());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
