package vn.egov.identity.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.contracts.identity.NationalIdRecoveredV1;
import vn.egov.identity.audit.AuditTrail;
import vn.egov.identity.keycloak.KeycloakAdminClient;
import vn.egov.identity.keycloak.KeycloakException;
import vn.egov.identity.recovery.NationalIdentityProvider.ProvenIdentity;
import vn.egov.identity.recovery.NationalIdentityProvider.ProviderException;

/**
 * Recovering a CCCD that a local registration took first (decision 63). The owner proves the CCCD at the national
 * identity through this service's own client (code flow with PKCE, state bound to the browser); no endpoint takes a
 * CCCD from a caller. With an ID token of level 2 for that CCCD, the local account whose username is the CCCD — one
 * never linked to the national identity, holding no staff role — is retired: disabled, its sessions ended, its
 * username renamed {@code <cccd>.thu-hoi.<yyyyMMddHHmmss>} and its {@code nationalId} attribute removed, so that the
 * owner's national sign-in can make the owner's own account. Its profile is kept and marked, its dossiers stay its
 * own (they are not the owner's acts), and the audit trail says who recovered it and when.
 */
@Service
public class NationalIdRecoveryService {

    /** How a recovery ended, and the word the portal's result page is given for it. */
    public enum Outcome {
        RECOVERED("da-lay-lai"),
        NOTHING_TO_RECOVER("khong-can"),
        LEVEL_TOO_LOW("muc-1"),
        STAFF_ACCOUNT("tai-khoan-can-bo"),
        CANCELLED("da-huy"),
        FAILED("that-bai"),
        UNAVAILABLE("tam-ngung");

        private final String slug;

        Outcome(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /** A started recovery: where the browser goes, and the value its cookie keeps until the callback. */
    public record Started(String authorizationUrl, String browserValue) {}

    static final String ACTION = "NATIONAL_ID_RECOVERED";
    static final Set<String> STAFF_ROLES = Set.of("OFFICER", "APPROVER", "AGENCY_ADMIN", "SYSTEM_ADMIN");
    private static final int MAX_PARAMETER = 1024;
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(NationalIdRecoveryService.class);

    private final NationalRecoveryProperties properties;
    private final NationalIdentityProvider provider;
    private final KeycloakAdminClient keycloak;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();

    NationalIdRecoveryService(
            NationalRecoveryProperties properties,
            NationalIdentityProvider provider,
            KeycloakAdminClient keycloak,
            AuditTrail audit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            EventPublisher events) {
        this.events = events;
        this.properties = properties;
        this.provider = provider;
        this.keycloak = keycloak;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Starts a recovery: a new attempt (state, nonce, PKCE verifier), the provider's URL for it. */
    public Started start() {
        Instant now = clock.instant();
        jdbc.sql("delete from national_id_recovery_attempt where expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
        String state = random();
        String nonce = random();
        String verifier = random();
        String browser = random();
        String url = provider.authorizationUrl(state, nonce, sha256(verifier));
        jdbc.sql("""
                insert into national_id_recovery_attempt (state_hash, browser_hash, nonce, code_verifier, created_at,
                    expires_at)
                values (:state, :browser, :nonce, :verifier, :now, :expires)""")
                .param("state", sha256(state))
                .param("browser", sha256(browser))
                .param("nonce", nonce)
                .param("verifier", verifier)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.attemptValidity())))
                .update();
        return new Started(url, browser);
    }

    /**
     * The provider's answer for an attempt: the attempt is used up whatever happens; only a valid level-2 ID token
     * of this attempt, presented by the browser that started it, retires an account.
     */
    public Outcome complete(String state, String code, String error, String browserValue) {
        if (tooLong(state) || tooLong(code) || tooLong(error) || tooLong(browserValue) || state == null) {
            return Outcome.FAILED;
        }
        Optional<Attempt> attempt = jdbc.sql("""
                delete from national_id_recovery_attempt where state_hash = :state
                returning browser_hash, nonce, code_verifier, expires_at""")
                .param("state", sha256(state))
                .query((rs, n) -> new Attempt(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
        if (attempt.isEmpty()
                || attempt.get().expiresAt().isBefore(clock.instant())
                || browserValue == null
                || !MessageDigest.isEqual(
                        attempt.get().browserHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(browserValue).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.FAILED;
        }
        if (error != null || code == null) {
            return "access_denied".equals(error) ? Outcome.CANCELLED : Outcome.FAILED;
        }
        ProvenIdentity proven;
        try {
            proven = provider.redeem(
                    code, attempt.get().codeVerifier(), attempt.get().nonce());
        } catch (ProviderException e) {
            log.warn("National ID recovery: {}", e.getMessage());
            return Outcome.FAILED;
        }
        if (proven.level() < 2) {
            return Outcome.LEVEL_TOO_LOW;
        }
        try {
            return recover(proven);
        } catch (KeycloakException e) {
            log.warn("National ID recovery: Keycloak refused or did not answer ({}, {})", e.kind(), e.status());
            return Outcome.UNAVAILABLE;
        }
    }

    private Outcome recover(ProvenIdentity proven) {
        List<String> holders = keycloak.findUserIdsByUsername(proven.nationalId());
        if (holders.isEmpty()) {
            return Outcome.NOTHING_TO_RECOVER;
        }
        String holder = holders.get(0);
        if (!keycloak.federatedIdentityProviders(holder).isEmpty()) {
            // linked to the national identity: the provider vouched for this account, never taken from it here
            return Outcome.NOTHING_TO_RECOVER;
        }
        if (keycloak.effectiveRealmRoles(holder).stream().anyMatch(STAFF_ROLES::contains)) {
            log.warn("National ID recovery: account {} holds a staff role, left to an administrator", holder);
            return Outcome.STAFF_ACCOUNT;
        }
        UUID personId = UUID.fromString(holder);
        Instant now = clock.instant();
        String retiredName = proven.nationalId() + ".thu-hoi." + SUFFIX.format(now);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update citizen_profile
                    set recovered_at = :now, recovered_by_subject = :subject,
                        national_id_index = 'recovered:' || id::text, updated_at = now()
                    where id = :id""")
                    .param("now", Timestamp.from(now))
                    .param("subject", proven.subject())
                    .param("id", personId)
                    .update();
            audit.record(
                    personId,
                    "vneid:" + proven.subject(),
                    ACTION,
                    "the owner of the identity number proved it at the national identity (level " + proven.level()
                            + "); this local account was disabled and renamed, its dossiers kept");
            // the holder is told (notification-service: a security notice to the contacts it knows)
            events.publish(
                    EventTopics.IDENTITY, NationalIdRecoveredV1.TYPE, holder, new NationalIdRecoveredV1(holder, now));
            // last, inside the transaction: when Keycloak refuses, nothing above is kept
            keycloak.retire(holder, retiredName, List.of("nationalId"));
        });
        try {
            keycloak.logout(holder);
        } catch (KeycloakException e) {
            // disabled already: Keycloak refuses its refresh tokens; the access tokens expire on their own
            log.warn("National ID recovery: the sessions of {} were not ended ({})", holder, e.kind());
        }
        log.info("National ID recovery: account {} retired for national subject {}", holder, proven.subject());
        return Outcome.RECOVERED;
    }

    private record Attempt(String browserHash, String nonce, String codeVerifier, Instant expiresAt) {}

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_PARAMETER;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64url of SHA-256: the PKCE challenge of a verifier (S256), and the stored form of the state and cookie. */
    static String sha256(String value) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
