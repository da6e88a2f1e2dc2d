package vn.egov.identity.business;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.security.LevelOfAssurance;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.commons.web.ProblemFactory;
import vn.egov.contracts.identity.BusinessLinkedV1;
import vn.egov.identity.audit.AuditTrail;
import vn.egov.identity.business.BusinessController.LinkRequest;
import vn.egov.identity.businessregistry.BusinessRegistryClient;
import vn.egov.identity.citizen.CitizenProfile;
import vn.egov.identity.citizen.CitizenProfileRepository;
import vn.egov.identity.personaldata.PersonalDataProtector;
import vn.egov.identity.validation.TaxCodePolicy;
import vn.egov.identity.validation.ValidationErrors;

/**
 * Links a citizen to a business as its legal representative. Representation is not taken on the citizen's
 * word: the national business registration system ({@link BusinessRegistryClient}) must confirm that the
 * citizen's identity number (verified against the population registry: level of assurance 2) is a legal
 * representative of that tax code, and the name stored is the registered one. The link is stored with its
 * basis ({@code REGISTRY}), the level it was made at, who and when ({@code business_link},
 * {@code identity_audit}) and announced ({@code BusinessLinkedV1}). A business may have several
 * representatives, so the same tax code may be linked to several citizens.
 */
@Service
class BusinessService {

    static final int REQUIRED_LEVEL = 2;
    static final String CITIZEN_ROLE = "CITIZEN";
    static final int MAX_NAME_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(BusinessService.class);

    private final TaxCodePolicy taxCodes = new TaxCodePolicy();
    private final BusinessRegistryClient registry;
    private final CitizenProfileRepository profiles;
    private final PersonalDataProtector protector;
    private final BusinessLinks links;
    private final AuditTrail audit;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final ProblemFactory problems;
    private final Clock clock = Clock.systemUTC();

    BusinessService(
            BusinessRegistryClient registry,
            CitizenProfileRepository profiles,
            PersonalDataProtector protector,
            BusinessLinks links,
            AuditTrail audit,
            EventPublisher events,
            TransactionTemplate transactions,
            ProblemFactory problems) {
        this.registry = registry;
        this.profiles = profiles;
        this.protector = protector;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.problems = problems;
    }

    LinkedBusiness link(EgovPrincipal who, LinkRequest request) {
        UUID personId = citizen(who);
        LevelOfAssurance.require(who, REQUIRED_LEVEL);
        ValidationErrors errors = new ValidationErrors();
        String taxCode = TaxCodePolicy.normalise(request == null ? null : request.taxCode());
        if (errors.require("taxCode", taxCode)) {
            taxCodes.check(taxCode).ifPresent(c -> errors.add("taxCode", c));
        }
        // the declared name is optional and only checked for shape: the registered name is the one kept
        String declared = normaliseName(request == null ? null : request.name());
        if (declared != null
                && (declared.length() > MAX_NAME_LENGTH || declared.codePoints().anyMatch(Character::isISOControl))) {
            errors.add("name", "business-name-format");
        }
        errors.throwIfAny(problems);

        BusinessRegistryClient.Answer answer;
        try {
            answer = registry.verify(taxCode, nationalId(personId, who));
        } catch (BusinessRegistryClient.RegistryUnavailable e) {
            log.warn("business registry unavailable for a link request: {}", e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "business-registry-unavailable");
        }
        if (answer.notFound()) {
            new ValidationErrors().add("taxCode", "business-not-registered").throwIfAny(problems);
        }
        if (!answer.representative()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-legal-representative", taxCode);
        }
        String registered = normaliseName(answer.name());
        String name = registered.length() > MAX_NAME_LENGTH ? registered.substring(0, MAX_NAME_LENGTH) : registered;

        LinkedBusiness link = new LinkedBusiness(taxCode, name, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            transactions.executeWithoutResult(tx -> {
                if (links.active(personId, taxCode).isPresent()) {
                    throw alreadyLinked(taxCode);
                }
                UUID linkId = UUID.randomUUID();
                links.insert(linkId, personId, link, who.levelOfAssurance());
                audit.record(
                        personId,
                        who.subject(),
                        "BUSINESS_LINKED",
                        "link " + linkId + ", tax code " + taxCode + ", basis REGISTRY at level "
                                + who.levelOfAssurance());
                events.publish(
                        EventTopics.IDENTITY,
                        BusinessLinkedV1.TYPE,
                        personId.toString(),
                        new BusinessLinkedV1(personId.toString(), taxCode, name, link.linkedAt()));
            });
        } catch (DuplicateKeyException raced) {
            throw alreadyLinked(taxCode);
        }
        log.info(
                "person {} linked to business {} as its representative (confirmed by the registry)", personId, taxCode);
        return link;
    }

    PageResponse<LinkedBusiness> list(EgovPrincipal who, int page, int size) {
        UUID personId = citizen(who);
        return PageResponse.of(links.activeFor(personId, page, size), page, size, links.countActive(personId));
    }

    void unlink(EgovPrincipal who, String rawTaxCode) {
        UUID personId = citizen(who);
        String taxCode = TaxCodePolicy.normalise(rawTaxCode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        transactions.executeWithoutResult(tx -> {
            if (!links.unlink(personId, taxCode, who.subject(), now)) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, "business-not-linked", taxCode);
            }
            audit.record(personId, who.subject(), "BUSINESS_UNLINKED", "tax code " + taxCode);
        });
        log.info("person {} unlinked from business {}", personId, taxCode);
    }

    /**
     * The identity number the registry is asked about: the verified profile's (sealed at rest), or, for an
     * account without a local profile (the realm's demo citizen), the username, which is the CCCD for every
     * citizen (registration makes it so and users cannot change it).
     */
    private String nationalId(UUID personId, EgovPrincipal who) {
        return profiles.findById(personId)
                .map(p -> protector.open(p.nationalId(), CitizenProfile.NATIONAL_ID))
                .orElseGet(() -> {
                    if (who.username() == null || !who.username().matches("\\d{12}")) {
                        throw new ApiProblem(HttpStatus.FORBIDDEN, "not-legal-representative", "");
                    }
                    return who.username();
                });
    }

    /** Only citizens represent businesses; the person id is the token's subject (the Keycloak user id). */
    private static UUID citizen(EgovPrincipal who) {
        if (!who.hasRole(CITIZEN_ROLE)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        try {
            return UUID.fromString(who.subject());
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
    }

    private ApiProblem alreadyLinked(String taxCode) {
        return new ApiProblem(HttpStatus.CONFLICT, "business-already-linked", taxCode);
    }

    static String normaliseName(String name) {
        if (name == null) {
            return null;
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }
}
