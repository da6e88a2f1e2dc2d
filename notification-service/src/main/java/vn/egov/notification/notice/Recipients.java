package vn.egov.notification.notice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is told and how to reach them: contacts fed by identity events, the applicant of each dossier
 * fed by dossier events (payment events name only the dossier), and each person's language.
 * Contacts are personal data: they are stored to send, never logged.
 */
@Component
public class Recipients {

    public record Contact(String subject, String fullName, String email, String phone, String language) {
    }

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .param(subject).param(blankToNull(fullName)).param(blankToNull(email)).param(blankToNull(phone))
                .update();
    }

    public void rememberApplicant(String dossierCode, String subject) {
        jdbc.sql("""
                        insert into dossier_recipient (dossier_code, subject) values (?, ?)
                        on conflict (dossier_code) do update set subject = excluded.subject, updated_at = now()""")
                .param(dossierCode).param(subject).update();
    }

    public void rememberOfficer(String subject, String agencyCode, String role) {
        jdbc.sql("""
                        insert into agency_officer (subject, agency_code, role) values (?, ?, ?)
                        on conflict (subject) do update set agency_code = excluded.agency_code, role = excluded.role,
                            updated_at = now()""")
                .param(subject).param(agencyCode).param(role == null ? "OFFICER" : role).update();
    }

    public java.util.List<String> officersOf(String agencyCode) {
        return jdbc.sql("select subject from agency_officer where agency_code = ? order by subject")
                .param(agencyCode).query(String.class).list();
    }

    /** The kind of notice an event type gives to an audience ({@code APPLICANT}, {@code AGENCY_OFFICERS}), if any. */
    public Optional<String> kindFor(String eventType, String audience) {
        return jdbc.sql("select kind from event_kind where event_type = ? and audience = ?")
                .param(eventType).param(audience).query(String.class).optional();
    }

    public Optional<String> applicantOf(String dossierCode) {
        return jdbc.sql("select subject from dossier_recipient where dossier_code = ?").param(dossierCode)
                .query(String.class).optional();
    }

    public Optional<Contact> contact(String subject) {
        return jdbc.sql("select subject, full_name, email, phone, language from recipient_contact where subject = ?")
                .param(subject)
                .query((rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    public String language(String subject) {
        return jdbc.sql("select language from recipient_contact where subject = ?").param(subject)
                .query(String.class).optional().orElse("vi");
    }

    public void setLanguage(String subject, String language) {
        jdbc.sql("""
                        insert into recipient_contact (subject, language) values (?, ?)
                        on conflict (subject) do update set language = excluded.language, updated_at = now()""")
                .param(subject).param(language).update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
