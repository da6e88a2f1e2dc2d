package vn.egov.identity.officer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventFieldSealer;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.commons.web.ProblemFactory;
import vn.egov.contracts.identity.OfficerCreatedV2;
import vn.egov.identity.keycloak.KeycloakAdminClient;
import vn.egov.identity.keycloak.KeycloakException;
import vn.egov.identity.officer.OfficerController.CreateOfficerRequest;
import vn.egov.identity.officer.OfficerController.OfficerResponse;
import vn.egov.identity.validation.EmailPolicy;
import vn.egov.identity.validation.InputLimits;
import vn.egov.identity.validation.PersonNamePolicy;
import vn.egov.identity.validation.ValidationErrors;

/**
 * Officer accounts live in Keycloak only (attribute {@code agency}, realm role OFFICER or APPROVER); the
 * {@code OfficerCreatedV2} event (name and email sealed) goes through the outbox after Keycloak said yes,
 * and the account is deleted again if that fails. An administrator acts on their own agency's accounts only: anyone
 * else's answers exactly like an account that does not exist.
 */
@Service
class OfficerService {

    static final String ADMIN_ROLE = "AGENCY_ADMIN";
    static final Set<String> ROLES = Set.of("OFFICER", "APPROVER");
    static final String AGENCY_ATTRIBUTE = "agency";

    // staff usernames are lower-case words; 12 digits are reserved for citizens (their CCCD)
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,49}");
    private static final Logger log = LoggerFactory.getLogger(OfficerService.class);

    private final KeycloakAdminClient keycloak;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ProblemFactory problems;
    private final EventFieldSealer sealer;
    private final PersonNamePolicy names = new PersonNamePolicy();
    private final EmailPolicy emails = new EmailPolicy();
    private final Clock clock = Clock.systemUTC();

    OfficerService(
            KeycloakAdminClient keycloak,
            EventPublisher events,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ProblemFactory problems,
            EventFieldSealer sealer) {
        this.sealer = sealer;
        this.keycloak = keycloak;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.problems = problems;
    }

    OfficerResponse create(EgovPrincipal admin, CreateOfficerRequest r) {
        String agency = adminAgency(admin);
        if (r == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request");
        }
        if (r.agencyCode() != null
                && !r.agencyCode().isBlank()
                && !r.agencyCode().strip().equals(agency)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        ValidationErrors errors = new ValidationErrors();
        String username = r.username() == null ? null : r.username().strip().toLowerCase(Locale.ROOT);
        if (errors.require("username", username) && !USERNAME.matcher(username).matches()) {
            errors.add("username", "username-format");
        }
        if (errors.require("fullName", r.fullName())) {
            names.check(r.fullName()).ifPresent(c -> errors.add("fullName", c));
        }
        if (errors.require("email", r.email())) {
            emails.check(r.email()).ifPresent(c -> errors.add("email", c));
        }
        if (errors.require("role", r.role()) && !ROLES.contains(r.role())) {
            errors.add("role", "officer-role");
        }
        if (errors.require("temporaryPassword", r.temporaryPassword())) {
            errors.maxLength("temporaryPassword", r.temporaryPassword(), InputLimits.PASSWORD);
        }
        errors.throwIfAny(problems);

        String fullName = PersonNamePolicy.normalise(r.fullName());
        String email = EmailPolicy.normalise(r.email());
        int lastSpace = fullName.lastIndexOf(' ');
        String id;
        try {
            id = keycloak.createUser(new KeycloakAdminClient.NewUser(
                    username,
                    email,
                    fullName.substring(lastSpace + 1),
                    fullName.substring(0, lastSpace),
                    Map.of(AGENCY_ATTRIBUTE, agency, "locale", "vi"),
                    r.temporaryPassword(),
                    true));
        } catch (KeycloakException e) {
            switch (e.kind()) {
                case CONFLICT -> {
                    String field = e.getMessage().toLowerCase(Locale.ROOT).contains("email") ? "email" : "username";
                    throw new ValidationErrors()
                            .add(field, "already-registered")
                            .toProblem(problems, HttpStatus.CONFLICT, "already-registered");
                }
                case PASSWORD_POLICY ->
                    throw new ValidationErrors()
                            .add("temporaryPassword", "password-policy")
                            .toProblem(problems, HttpStatus.BAD_REQUEST, "validation-failed");
                default -> throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable");
            }
        }
        try {
            keycloak.assignRealmRole(id, r.role());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            // the name and the email travel sealed (issue 16): only notification-service opens them
            String type = OfficerCreatedV2.TYPE;
            OfficerCreatedV2 created = new OfficerCreatedV2(
                    id,
                    username,
                    sealer.seal(fullName, type, "sealedFullName", id),
                    sealer.seal(email, type, "sealedEmail", id),
                    r.role(),
                    agency,
                    admin.subject(),
                    now);
            transactions.executeWithoutResult(tx -> events.publish(EventTopics.IDENTITY, type, id, created));
        } catch (RuntimeException e) {
            try {
                keycloak.deleteUser(id);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
                log.error(
                        "officer account {} could not be deleted after a failed creation: delete it by hand", id, undo);
            }
            throw e;
        }
        log.info("officer {} ({}) created in agency {} by {}", id, r.role(), agency, admin.subject());
        return new OfficerResponse(id, username, fullName, email, agency, true);
    }

    PageResponse<OfficerResponse> list(EgovPrincipal admin, int page, int size) {
        String agency = adminAgency(admin);
        List<OfficerResponse> items =
                keycloak.findUsersByAttribute(AGENCY_ATTRIBUTE, agency, page * size, size).stream()
                        .filter(u -> agency.equals(agencyOf(u))) // q= is a search: keep exact matches only
                        .map(OfficerService::toResponse)
                        .toList();
        return PageResponse.of(items, page, size, keycloak.countUsersByAttribute(AGENCY_ATTRIBUTE, agency));
    }

    void disable(EgovPrincipal admin, String id) {
        String agency = adminAgency(admin);
        Map<String, Object> user = keycloak.findUser(id)
                .filter(u -> agency.equals(agencyOf(u)))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        if (Objects.equals(user.get("id"), admin.subject())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden"); // not oneself: the agency would lose its admin
        }
        keycloak.setEnabled(id, false);
        log.info("officer {} of agency {} disabled by {}", id, agency, admin.subject());
    }

    /** The administrator's agency (from the token), which must be a known, active agency. */
    private String adminAgency(EgovPrincipal admin) {
        if (!admin.hasRole(ADMIN_ROLE)
                || admin.agency() == null
                || admin.agency().isBlank()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        boolean known = jdbc.sql("select count(*) from agency where code = :c and active")
                        .param("c", admin.agency())
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        return admin.agency();
    }

    @SuppressWarnings("unchecked")
    private static String agencyOf(Map<String, Object> user) {
        Object attributes = user.get("attributes");
        if (attributes instanceof Map<?, ?> map
                && map.get(AGENCY_ATTRIBUTE) instanceof List<?> values
                && !values.isEmpty()) {
            return String.valueOf(values.get(0));
        }
        return null;
    }

    private static OfficerResponse toResponse(Map<String, Object> u) {
        String first = (String) u.get("firstName");
        String last = (String) u.get("lastName");
        String name = last == null ? first : first == null ? last : last + " " + first;
        return new OfficerResponse(
                String.valueOf(u.get("id")),
                (String) u.get("username"),
                name,
                (String) u.get("email"),
                agencyOf(u),
                Boolean.TRUE.equals(u.get("enabled")));
    }
}
