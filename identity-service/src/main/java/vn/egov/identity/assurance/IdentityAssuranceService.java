package vn.egov.identity.assurance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.contracts.identity.CitizenVerifiedV1;
import vn.egov.identity.assurance.IdentityAssuranceController.AssuranceResponse;
import vn.egov.identity.citizen.CitizenProfile;
import vn.egov.identity.citizen.CitizenProfileRepository;
import vn.egov.identity.keycloak.KeycloakAdminClient;
import vn.egov.identity.keycloak.KeycloakException;
import vn.egov.identity.personaldata.PersonalDataProtector;

/**
 * Level of assurance 2: the registry confirms the stored identity, then the level is raised in
 * Keycloak (so new tokens carry {@code loa: 2}) and locally with the {@code CitizenVerifiedV1} event.
 * No transaction is held while the registry or Keycloak is called; if the local step fails after
 * Keycloak was updated, Keycloak is set back to the previous level.
 */
@Service
class IdentityAssuranceService {

    static final int VERIFIED = 2;
    static final String VERIFIED_BY = "national-population-registry";

    private static final Logger log = LoggerFactory.getLogger(IdentityAssuranceService.class);

    private final CitizenProfileRepository profiles;
    private final PersonalDataProtector protector;
    private final PopulationRegistryClient registry;
    private final KeycloakAdminClient keycloak;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    IdentityAssuranceService(
            CitizenProfileRepository profiles,
            PersonalDataProtector protector,
            PopulationRegistryClient registry,
            KeycloakAdminClient keycloak,
            EventPublisher events,
            TransactionTemplate transactions) {
        this.profiles = profiles;
        this.protector = protector;
        this.registry = registry;
        this.keycloak = keycloak;
        this.events = events;
        this.transactions = transactions;
    }

    AssuranceResponse verify(EgovPrincipal principal) {
        CitizenProfile profile = profileOf(principal);
        if (profile.levelOfAssurance() >= VERIFIED) {
            return new AssuranceResponse(profile.levelOfAssurance(), profile.verifiedAt());
        }
        String nationalId = protector.open(profile.nationalId(), CitizenProfile.NATIONAL_ID);
        PopulationRegistryClient.Result result;
        try {
            result = registry.verify(
                    nationalId,
                    profile.fullName(),
                    profile.dateOfBirth(),
                    profile.sex().name());
        } catch (PopulationRegistryClient.RegistryUnavailable e) {
            log.warn("population registry unavailable for person {}: {}", profile.id(), e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable");
        }
        if (result != PopulationRegistryClient.Result.MATCH) {
            log.info("identity of person {} not confirmed by the registry: {}", profile.id(), result);
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "registry-mismatch");
        }

        String userId = profile.id().toString();
        try {
            keycloak.setAttribute(userId, "loa", Integer.toString(VERIFIED));
        } catch (KeycloakException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            transactions.executeWithoutResult(tx -> {
                profiles.raiseLevel(profile.id(), VERIFIED, now);
                events.publish(
                        EventTopics.IDENTITY,
                        CitizenVerifiedV1.TYPE,
                        userId,
                        new CitizenVerifiedV1(userId, VERIFIED, VERIFIED_BY, now));
            });
        } catch (RuntimeException e) {
            try {
                keycloak.setAttribute(userId, "loa", Integer.toString(profile.levelOfAssurance()));
            } catch (RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);
                log.error(
                        "person {}: loa set to 2 in Keycloak but not stored; set it back to {} by hand",
                        userId,
                        profile.levelOfAssurance(),
                        undoFailed);
            }
            throw e;
        }
        log.info("person {} verified against the population registry: level {}", userId, VERIFIED);
        return new AssuranceResponse(VERIFIED, now);
    }

    private CitizenProfile profileOf(EgovPrincipal principal) {
        try {
            return profiles.findById(UUID.fromString(principal.subject()))
                    .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "no-citizen-profile"));
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-citizen-profile");
        }
    }
}
