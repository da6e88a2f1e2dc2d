package vn.egov.identity.business;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code business_link} table: current links (unlinked_at null) and their history. */
@Repository
public class BusinessLinks {

    private final JdbcClient jdbc;

    public BusinessLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The businesses this person currently represents, oldest link first. */
    public List<LinkedBusiness> activeFor(UUID personId) {
        return jdbc.sql("""
                select tax_code, business_name, linked_at from business_link
                where person_id = :p and unlinked_at is null order by linked_at, tax_code""")
                .param("p", personId)
                .query((rs, i) -> new LinkedBusiness(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    List<LinkedBusiness> activeFor(UUID personId, int page, int size) {
        return jdbc.sql("""
                select tax_code, business_name, linked_at from business_link
                where person_id = :p and unlinked_at is null order by linked_at, tax_code limit :size offset :offset""")
                .param("p", personId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> new LinkedBusiness(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    long countActive(UUID personId) {
        return jdbc.sql("select count(*) from business_link where person_id = :p and unlinked_at is null")
                .param("p", personId)
                .query(Long.class)
                .single();
    }

    Optional<LinkedBusiness> active(UUID personId, String taxCode) {
        return jdbc.sql("""
                select tax_code, business_name, linked_at from business_link
                where person_id = :p and tax_code = :t and unlinked_at is null""")
                .param("p", personId)
                .param("t", taxCode)
                .query((rs, i) -> new LinkedBusiness(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    void insert(UUID id, UUID personId, LinkedBusiness link, int levelOfAssurance) {
        jdbc.sql("""
                insert into business_link (id, person_id, tax_code, business_name, basis, level_of_assurance, linked_at)
                values (:id, :p, :t, :n, 'REGISTRY', :loa, :at)""")
                .param("id", id)
                .param("p", personId)
                .param("t", link.taxCode())
                .param("n", link.name())
                .param("loa", levelOfAssurance)
                .param("at", Timestamp.from(link.linkedAt()))
                .update();
    }

    /** Ends the current link; answers whether there was one. */
    boolean unlink(UUID personId, String taxCode, String by, Instant at) {
        return jdbc.sql("""
                update business_link set unlinked_at = :at, unlinked_by = :by
                where person_id = :p and tax_code = :t and unlinked_at is null""")
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .param("p", personId)
                        .param("t", taxCode)
                        .update()
                > 0;
    }
}
