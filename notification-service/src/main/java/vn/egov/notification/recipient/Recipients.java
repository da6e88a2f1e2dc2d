package vn.egov.notification.recipient;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.egov.notification.contact.ContactDirectory;
import vn.egov.notification.contact.ContactsUnavailableException;
import vn.egov.notification.contact.PersonContacts;

/**
 * Who is told and how to reach them: contacts fed by identity events, the officers of each agency, and each
 * person's language. Which dossier belongs to whom is not kept: dossier and payment events name their
 * recipient ({@code applicantSubject}, {@code payerSubject}).
 * Contacts are personal data: they are stored to send, never logged.
 *
 * <p>Where a person's contacts come from: the {@code recipient_contact} row fed by identity events when
 * it has an email or phone; otherwise what identity-service answered ({@link ContactDirectory}, cached).
 * Code inside a transaction only reads the cache ({@link #reach}); the remote lookup happens before the
 * transaction ({@link #warm}) or in the delivery loop.
 */
@Component
public class Recipients {

    public record Contact(String subject, String fullName, String email, String phone, String language) {}

    /**
     * How to reach a person now: {@code known} false when neither an identity event nor identity-service
     * (cached) told us yet, so the delivery loop must look them up before sending.
     */
    public record Reach(boolean known, boolean exists, String email, String phone) {

        static final Reach UNKNOWN = new Reach(false, false, null, null);

        @Override
        public String toString() {
            return "Reach[known=" + known + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final JdbcClient jdbc;
    private final ContactDirectory directory;

    Recipients(JdbcClient jdbc, ContactDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Email and phone to use for a person, without any remote call (safe inside a transaction). */
    public Reach reach(String subject) {
        Optional<Contact> local = contact(subject).filter(c -> c.email() != null || c.phone() != null);
        if (local.isPresent()) {
            return new Reach(true, true, local.get().email(), local.get().phone());
        }
        return directory
                .cached(subject)
                .map(k -> k.exists()
                        ? new Reach(
                                true,
                                true,
                                blankToNull(k.contacts().email()),
                                blankToNull(k.contacts().phone()))
                        : new Reach(true, false, null, null))
                .orElse(Reach.UNKNOWN);
    }

    /**
     * Outside any transaction: when we hold no contacts for the person, asks identity-service now so that
     * the notice is rendered in their language and addressed at once. identity-service being away is not
     * an error here: the delivery loop asks again.
     */
    public void warm(String subject) {
        if (subject == null || reach(subject).known()) {
            return;
        }
        try {
            directory.lookup(subject);
        } catch (ContactsUnavailableException e) {
            log.info("Contacts not available now ({}); the delivery loop will ask again", e.getMessage());
        }
    }

    /**
     * A verified change of contact: the changed one is replaced (also by null: removed); the other is kept
     * unless the event gives a new value. The cached answer of identity-service is dropped.
     */
    public void replaceContact(String subject, String changedChannel, String email, String phone) {
        boolean emailChanged = "EMAIL".equalsIgnoreCase(changedChannel);
        boolean phoneChanged = "SMS".equalsIgnoreCase(changedChannel) || "PHONE".equalsIgnoreCase(changedChannel);
        jdbc.sql("""
                        insert into recipient_contact (subject, email, phone) values (:subject, :email, :phone)
                        on conflict (subject) do update set
                            email = case when :emailChanged then excluded.email
                                         else coalesce(excluded.email, recipient_contact.email) end,
                            phone = case when :phoneChanged then excluded.phone
                                         else coalesce(excluded.phone, recipient_contact.phone) end,
                            updated_at = now()""")
                .param("subject", subject)
                .param("email", blankToNull(email))
                .param("phone", blankToNull(phone))
                .param("emailChanged", emailChanged)
                .param("phoneChanged", phoneChanged)
                .update();
        directory.evict(subject);
    }

    /** Records (or refreshes) a person's contacts; a null keeps what was known. */
    public void rememberContact(String subject, String fullName, String email, String phone) {
        jdbc.sql("""
                        insert into recipient_contact (subject, full_name, email, phone) values (?, ?, ?, ?)
                        on conflict (subject) do update set
                            full_name = coalesce(excluded.full_name, recipient_contact.full_name),
                            email = coalesce(excluded.email, recipient_contact.email),
                            phone = coalesce(excluded.phone, recipient_contact.phone),
                            updated_at = now()""")
                .param(subject)
                .param(blankToNull(fullName))
                .param(blankToNull(email))
                .param(blankToNull(phone))
                .update();
    }

    public void rememberOfficer(String subject, String agencyCode, String role) {
        jdbc.sql("""
                        insert into agency_officer (subject, agency_code, role) values (?, ?, ?)
                        on conflict (subject) do update set agency_code = excluded.agency_code, role = excluded.role,
                            updated_at = now()""")
                .param(subject)
                .param(agencyCode)
                .param(role == null ? "OFFICER" : role)
                .update();
    }

    /**
     * Officers the realm made (like its demo officers) announce no identity event: an officer, approver or agency
     * administrator whose token carries an {@code agency} claim is remembered as that agency's when they open their
     * inbox, so they hear of their agency's new (officers, approvers) and overdue (all three) dossiers from then on.
     * Writes only when something changed.
     */
    public void rememberOfficer(vn.egov.commons.security.EgovPrincipal principal) {
        String role = principal.hasRole("OFFICER")
                ? "OFFICER"
                : principal.hasRole("APPROVER")
                        ? "APPROVER"
                        : principal.hasRole("AGENCY_ADMIN") ? "AGENCY_ADMIN" : null;
        if (role == null || principal.agency() == null || principal.agency().isBlank()) {
            return;
        }
        jdbc.sql("""
                        insert into agency_officer (subject, agency_code, role) values (?, ?, ?)
                        on conflict (subject) do update set agency_code = excluded.agency_code, role = excluded.role,
                            updated_at = now()
                        where agency_officer.agency_code <> excluded.agency_code or agency_officer.role <> excluded.role""")
                .param(principal.subject())
                .param(principal.agency())
                .param(role)
                .update();
    }

    /** The agency's officers and approvers: who hears of a new dossier to receive. */
    public java.util.List<String> officersOf(String agencyCode) {
        return jdbc.sql("""
                        select subject from agency_officer
                         where agency_code = ? and role in ('OFFICER', 'APPROVER') order by subject""").param(agencyCode).query(String.class).list();
    }

    /** The agency's officers, approvers and administrators: who hears that a dossier is overdue. */
    public java.util.List<String> staffOf(String agencyCode) {
        return jdbc.sql("select subject from agency_officer where agency_code = ? order by subject")
                .param(agencyCode)
                .query(String.class)
                .list();
    }

    /** The kind of notice an event type gives to an audience ({@code APPLICANT}, {@code AGENCY_OFFICERS}), if any. */
    public Optional<String> kindFor(String eventType, String audience) {
        return jdbc.sql("select kind from event_kind where event_type = ? and audience = ?")
                .param(eventType)
                .param(audience)
                .query(String.class)
                .optional();
    }

    public Optional<Contact> contact(String subject) {
        return jdbc.sql("select subject, full_name, email, phone, language from recipient_contact where subject = ?")
                .param(subject)
                .query((rs, i) -> new Contact(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    /** The person's language: chosen here (preferences), else as identity-service said, else Vietnamese. */
    public String language(String subject) {
        return jdbc.sql("select language from recipient_contact where subject = ?")
                .param(subject)
                .query(String.class)
                .optional()
                .or(() -> directory
                        .cached(subject)
                        .map(ContactDirectory.Known::contacts)
                        .map(PersonContacts::language)
                        .filter(l -> l.equals("vi") || l.equals("en")))
                .orElse("vi");
    }

    public void setLanguage(String subject, String language) {
        jdbc.sql("""
                        insert into recipient_contact (subject, language) values (?, ?)
                        on conflict (subject) do update set language = excluded.language, updated_at = now()""").param(subject).param(language).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
