package vn.egov.dossier.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.dossier.dataprotection.ApplicantIdentities;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;
import vn.egov.dossier.dossier.DossierTransitions.Role;

/**
 * A dossier taken at the counter becomes the account's of the person it was taken for, the first time that person
 * lists or opens dossiers with a token of level of assurance 2: at that level the username (the national id) was
 * verified against the national population registry, so the keyed hash of it matching the one stored with the
 * dossier ({@link ApplicantIdentities}) means it is theirs. A level-1 token (an unverified claim to a number) claims
 * nothing. The claim sets {@code applicant_subject} and writes a {@code claim} history row (the owner as actor).
 */
@Component
class WalkInClaims {

    private final JdbcClient jdbc;
    private final ApplicantIdentities identities;
    private final DossierStore store;
    private final DossierLifecycle lifecycle;
    private final Clock clock;

    WalkInClaims(
            JdbcClient jdbc,
            ApplicantIdentities identities,
            DossierStore store,
            DossierLifecycle lifecycle,
            Clock clock) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Transactional
    public void claimFor(EgovPrincipal who) {
        if (!who.hasRole("CITIZEN")
                || who.levelOfAssurance() < 2
                || who.subject() == null
                || who.username() == null
                || !who.username().matches("\\d{12}")) {
            return;
        }
        // locked, skipping rows another request of the same person is claiming (it writes the history once)
        List<UUID> ids = jdbc.sql("""
                        select dossier_id from walk_in_applicant
                        where claimed_at is null and national_id_hash in (:hashes)
                        for update skip locked""")
                .param("hashes", identities.hashes(who.username()))
                .query(UUID.class)
                .list();
        for (UUID id : ids) {
            int taken = jdbc.sql("update dossier set applicant_subject = ? where id = ? and applicant_subject = ?")
                    .params(who.subject(), id, "walk-in:" + id)
                    .update();
            jdbc.sql("update walk_in_applicant set claimed_by = ?, claimed_at = ? where dossier_id = ?")
                    .params(who.subject(), OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC), id)
                    .update();
            if (taken == 1) {
                DossierRow dossier = store.find(id).orElseThrow();
                lifecycle.claimed(
                        dossier,
                        new Actor(who.subject(), Role.OWNER),
                        Map.of("channel", dossier.channel(), "levelOfAssurance", who.levelOfAssurance()));
            }
        }
    }
}
