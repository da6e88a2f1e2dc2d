package vn.egov.identity.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.ProblemFactory;
import vn.egov.contracts.identity.CitizenRegisteredV2;
import vn.egov.contracts.identity.RegistrationRefusedV2;
import vn.egov.identity.citizen.CitizenProfile;
import vn.egov.identity.citizen.CitizenProfileRepository;
import vn.egov.identity.keycloak.KeycloakAdminClient;
import vn.egov.identity.keycloak.KeycloakException;
import vn.egov.identity.personaldata.PersonalDataProtector;
import vn.egov.identity.registration.RegistrationController.RegistrationRequest;
import vn.egov.identity.registration.RegistrationController.RegistrationResponse;
import vn.egov.identity.validation.EmailPolicy;
import vn.egov.identity.validation.InputLimits;
import vn.egov.identity.validation.NationalIdPolicy;
import vn.egov.identity.validation.PersonNamePolicy;
import vn.egov.identity.validation.PhoneNumberPolicy;
import vn.egov.identity.validation.ProvinceCodes;
import vn.egov.identity.validation.Sex;
import vn.egov.identity.validation.ValidationErrors;

/**
 * Registers a citizen in two systems that share no transaction: the Keycloak account first (it
 * enforces the password policy and username/email uniqueness), then the local profile and the
 * {@code CitizenRegisteredV2} event (name and contacts sealed) in one database transaction. When the second
 * step fails, the first is undone (the Keycloak user deleted), so no account exists without a profile; and
 * because the profile is written only after Keycloak said yes, no profile exists without an account.
 */
@Service
class RegistrationService {

    static final int LEVEL_REGISTERED = 1;
    static final String CITIZEN_ROLE = "CITIZEN";

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final NationalIdPolicy nationalIds = new NationalIdPolicy(ProvinceCodes.bundled());
    private final PersonNamePolicy names = new PersonNamePolicy();
    private final EmailPolicy emails = new EmailPolicy();
    private final PhoneNumberPolicy phones = new PhoneNumberPolicy();

    private final KeycloakAdminClient keycloak;
    private final CitizenProfileRepository profiles;
    private final PersonalDataProtector protector;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final ProblemFactory problems;
    private final Clock clock = Clock.systemUTC();
    private final RegistrationTiming timing = new RegistrationTiming();
    private final EventFieldSealer sealer;

    RegistrationService(
            KeycloakAdminClient keycloak,
            CitizenProfileRepository profiles,
            PersonalDataProtector protector,
            EventPublisher events,
            TransactionTemplate transactions,
            ProblemFactory problems,
            EventFieldSealer sealer) {
        this.sealer = sealer;
        this.keycloak = keycloak;
        this.profiles = profiles;
        this.protector = protector;
        this.events = events;
        this.transactions = transactions;
        this.problems = problems;
    }

    RegistrationResponse register(RegistrationRequest request) {
        long started = System.nanoTime();
        Valid valid = validate(request);
        String nationalIdIndex = protector.blindIndex(valid.nationalId(), CitizenProfile.NATIONAL_ID);

        List<String> holders = profiles.holders(nationalIdIndex, valid.email(), valid.phone());
        if (!holders.isEmpty()) {
            return refused(valid, holders, started);
        }

        String userId;
        try {
            userId = createKeycloakUser(valid, request.password());
        } catch (AlreadyInKeycloak known) {
            // an account the identity provider has without a profile here (the realm's demo users): its id
            List<String> keycloakHolders =
                    new java.util.ArrayList<>(keycloak.findUserIdsByUsername(valid.nationalId()));
            keycloak.findUserIdsByEmail(valid.email()).stream()
                    .filter(id -> !keycloakHolders.contains(id))
                    .forEach(keycloakHolders::add);
            return refused(valid, keycloakHolders, started);
        }
        try {
            keycloak.assignRealmRole(userId, CITIZEN_ROLE);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            CitizenProfile profile = new CitizenProfile(
                    UUID.fromString(userId),
                    valid.fullName(),
                    protector.seal(valid.nationalId(), CitizenProfile.NATIONAL_ID),
                    nationalIdIndex,
                    valid.dateOfBirth(),
                    valid.sex(),
                    valid.email(),
                    valid.phone(),
                    LEVEL_REGISTERED,
                    null,
                    now);
            // the name and the contacts travel sealed (issue 16): only notification-service opens them
            String type = CitizenRegisteredV2.TYPE;
            CitizenRegisteredV2 registered = new CitizenRegisteredV2(
                    userId,
                    sealer.seal(valid.fullName(), type, "sealedFullName", userId),
                    sealer.seal(valid.email(), type, "sealedEmail", userId),
                    sealer.seal(valid.phone(), type, "sealedPhone", userId),
                    LEVEL_REGISTERED,
                    now);
            transactions.executeWithoutResult(tx -> {
                profiles.insert(profile);
                events.publish(EventTopics.IDENTITY, type, userId, registered);
            });
        } catch (RuntimeException e) {
            compensate(userId, e);
            if (e instanceof DuplicateKeyException) {
                // another registration with the same values won the race between our check and insert
                return refused(valid, profiles.holders(nationalIdIndex, valid.email(), valid.phone()), started);
            }
            throw e;
        }
        log.info("citizen registered: person {}", userId);
        timing.succeeded(System.nanoTime() - started);
        return new RegistrationResponse(userId, valid.nationalId(), LEVEL_REGISTERED);
    }

    /**
     * A registration whose CCCD, email or phone already belongs to an account: nothing is made, and the answer is
     * the one a successful registration gives (a new id, the CCCD as username, level 1), after about as long as a
     * successful one takes, so that the API does not tell a stranger which identifier exists. The people concerned
     * hear of it through their own channels ({@link RegistrationRefusedV2}, the contacts sealed): the email and
     * phone given, and the holders of the existing accounts.
     */
    private RegistrationResponse refused(Valid valid, List<String> holders, long started) {
        String attemptId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "vi";
        String type = RegistrationRefusedV2.TYPE;
        RegistrationRefusedV2 refused = new RegistrationRefusedV2(
                attemptId,
                sealer.seal(valid.email(), type, "sealedEmail", attemptId),
                sealer.seal(valid.phone(), type, "sealedPhone", attemptId),
                language,
                holders,
                now);
        transactions.executeWithoutResult(tx -> events.publish(EventTopics.IDENTITY, type, attemptId, refused));
        log.info("registration {} refused: an identifier belongs to {} existing account(s)", attemptId, holders.size());
        timing.waitLikeASuccess(System.nanoTime() - started);
        return new RegistrationResponse(attemptId, valid.nationalId(), LEVEL_REGISTERED);
    }

    /** Keycloak already has the username (= CCCD) or the email, from an account without a profile here. */
    private static final class AlreadyInKeycloak extends RuntimeException {
        AlreadyInKeycloak() {
            super(null, null, false, false);
        }
    }

    private String createKeycloakUser(Valid valid, String password) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("nationalId", valid.nationalId());
        attributes.put("loa", Integer.toString(LEVEL_REGISTERED));
        attributes.put("phone", valid.phone());
        attributes.put("locale", "vi");
        int lastSpace = valid.fullName().lastIndexOf(' ');
        // OIDC names: given name = tên (last word), family name = họ và tên đệm
        String given = valid.fullName().substring(lastSpace + 1);
        String family = valid.fullName().substring(0, lastSpace);
        try {
            return keycloak.createUser(new KeycloakAdminClient.NewUser(
                    valid.nationalId(), valid.email(), given, family, attributes, password, false));
        } catch (KeycloakException e) {
            switch (e.kind()) {
                case CONFLICT -> throw new AlreadyInKeycloak();
                case PASSWORD_POLICY ->
                    throw new ValidationErrors()
                            .add("password", "password-policy")
                            .toProblem(problems, HttpStatus.BAD_REQUEST, "validation-failed");
                default -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable");
            }
        }
    }

    /** Undoes the Keycloak account; if even that fails, says exactly what to clean up (no personal data). */
    private void compensate(String userId, RuntimeException cause) {
        try {
            keycloak.deleteUser(userId);
            log.warn(
                    "registration of person {} failed after the Keycloak account was created; account deleted ({})",
                    userId,
                    cause.getClass().getSimpleName());
        } catch (RuntimeException deleteFailed) {
            cause.addSuppressed(deleteFailed);
            log.error(
                    "registration of person {} failed and its Keycloak account could not be deleted: delete user {} "
                            + "in realm egov by hand",
                    userId,
                    userId,
                    deleteFailed);
        }
    }

    record Valid(String fullName, String nationalId, LocalDate dateOfBirth, Sex sex, String email, String phone) {}

    private Valid validate(RegistrationRequest r) {
        if (r == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        ValidationErrors errors = new ValidationErrors();
        if (errors.require("fullName", r.fullName())) {
            names.check(r.fullName()).ifPresent(c -> errors.add("fullName", c));
        }
        LocalDate dateOfBirth = null;
        if (errors.require("dateOfBirth", r.dateOfBirth())) {
            try {
                dateOfBirth = LocalDate.parse(r.dateOfBirth().strip());
                LocalDate today = LocalDate.now(clock);
                if (dateOfBirth.isAfter(today) || dateOfBirth.getYear() < 1900) {
                    errors.add("dateOfBirth", "date-of-birth-range");
                    dateOfBirth = null;
                }
            } catch (DateTimeParseException e) {
                errors.add("dateOfBirth", "date-format");
            }
        }
        Sex sex = null;
        if (errors.require("sex", r.sex())) {
            try {
                sex = Sex.valueOf(r.sex().strip());
            } catch (IllegalArgumentException e) {
                errors.add("sex", "sex-value");
            }
        }
        String nationalId = r.nationalId() == null ? null : r.nationalId().strip();
        if (errors.require("nationalId", nationalId)) {
            errors.addAll("nationalId", nationalIds.check(nationalId, dateOfBirth, sex));
        }
        if (errors.require("email", r.email())) {
            emails.check(r.email()).ifPresent(c -> errors.add("email", c));
        }
        if (errors.require("phone", r.phone())) {
            phones.check(r.phone()).ifPresent(c -> errors.add("phone", c));
        }
        if (errors.require("password", r.password())) {
            errors.maxLength("password", r.password(), InputLimits.PASSWORD);
        }
        errors.throwIfAny(problems);
        return new Valid(
                PersonNamePolicy.normalise(r.fullName()),
                nationalId,
                dateOfBirth,
                sex,
                EmailPolicy.normalise(r.email()),
                PhoneNumberPolicy.normalise(r.phone()));
    }
}
