package vn.egov.identity.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.egov.identity.personaldata.PersonalDataProtector;
import vn.egov.identity.validation.Sex;

@Repository
public class CitizenProfileRepository {

    private static final String COLUMNS = "id, full_name, national_id_key_id, national_id_sealed, national_id_index, "
            + "date_of_birth, sex, email, phone, level_of_assurance, verified_at, created_at";

    private final JdbcClient jdbc;

    public CitizenProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CitizenProfile p) {
        jdbc.sql("""
                insert into citizen_profile (id, full_name, national_id_key_id, national_id_sealed, national_id_index,
                    date_of_birth, sex, email, phone, level_of_assurance, created_at)
                values (:id, :name, :keyId, :sealed, :index, :dob, :sex, :email, :phone, :loa, :createdAt)""")
                .param("id", p.id())
                .param("name", p.fullName())
                .param("keyId", p.nationalId().keyId())
                .param("sealed", p.nationalId().bytes())
                .param("index", p.nationalIdIndex())
                .param("dob", p.dateOfBirth())
                .param("sex", p.sex().name())
                .param("email", p.email())
                .param("phone", p.phone())
                .param("loa", p.levelOfAssurance())
                .param("createdAt", Timestamp.from(p.createdAt()))
                .update();
    }

    public Optional<CitizenProfile> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from citizen_profile where id = :id")
                .param("id", id)
                .query(CitizenProfileRepository::map)
                .optional();
    }

    public Optional<CitizenProfile> findByNationalIdIndex(String index) {
        return jdbc.sql("select " + COLUMNS + " from citizen_profile where national_id_index = :index")
                .param("index", index)
                .query(CitizenProfileRepository::map)
                .optional();
    }

    /** Which of these identifying values another profile already holds: {@code nationalId}, {@code email}, {@code phone}. */
    public List<String> taken(String nationalIdIndex, String email, String phone) {
        List<String> fields = new ArrayList<>();
        jdbc.sql("""
                select national_id_index = :index, email = :email, phone = :phone from citizen_profile
                where national_id_index = :index or email = :email or phone = :phone""")
                .param("index", nationalIdIndex)
                .param("email", email)
                .param("phone", phone)
                .query((rs, i) -> {
                    if (rs.getBoolean(1) && !fields.contains("nationalId")) {
                        fields.add("nationalId");
                    }
                    if (rs.getBoolean(2) && !fields.contains("email")) {
                        fields.add("email");
                    }
                    if (rs.getBoolean(3) && !fields.contains("phone")) {
                        fields.add("phone");
                    }
                    return null;
                })
                .list();
        return fields;
    }

    /** The accounts that hold any of these identifiers (each once). */
    public List<String> holders(String nationalIdIndex, String email, String phone) {
        return jdbc.sql("""
                select distinct id::text from citizen_profile
                where national_id_index = :index or email = :email or phone = :phone""")
                .param("index", nationalIdIndex)
                .param("email", email)
                .param("phone", phone)
                .query(String.class)
                .list();
    }

    public void raiseLevel(UUID id, int level, Instant verifiedAt) {
        jdbc.sql("""
                update citizen_profile set level_of_assurance = greatest(level_of_assurance, :level),
                    verified_at = :at, updated_at = now() where id = :id""")
                .param("id", id)
                .param("level", level)
                .param("at", Timestamp.from(verifiedAt))
                .update();
    }

    /** Whether a profile other than {@code id} holds this (normalised) email address. */
    public boolean emailTakenByOther(UUID id, String email) {
        return jdbc.sql("select exists (select 1 from citizen_profile where email = :v and id <> :id)")
                .param("v", email)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Whether a profile other than {@code id} holds this (normalised) phone number. */
    public boolean phoneTakenByOther(UUID id, String phone) {
        return jdbc.sql("select exists (select 1 from citizen_profile where phone = :v and id <> :id)")
                .param("v", phone)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Replaces the email address and phone number (the unique constraints still hold: a race is a DuplicateKeyException). */
    public void changeContacts(UUID id, String email, String phone) {
        jdbc.sql("update citizen_profile set email = :email, phone = :phone, updated_at = now() where id = :id")
                .param("email", email)
                .param("phone", phone)
                .param("id", id)
                .update();
    }

    private static CitizenProfile map(ResultSet rs, int row) throws SQLException {
        Timestamp verified = rs.getTimestamp("verified_at");
        return new CitizenProfile(
                rs.getObject("id", UUID.class),
                rs.getString("full_name"),
                new PersonalDataProtector.Sealed(rs.getString("national_id_key_id"), rs.getBytes("national_id_sealed")),
                rs.getString("national_id_index"),
                rs.getObject("date_of_birth", java.time.LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getInt("level_of_assurance"),
                verified == null ? null : verified.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
