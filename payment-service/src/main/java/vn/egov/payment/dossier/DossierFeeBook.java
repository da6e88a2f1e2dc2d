package vn.egov.payment.dossier;

import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.contracts.dossier.DossierLifecycleEventV1;

/**
 * What payment-service knows of each dossier with a fee (table {@code dossier_fee}): its agency, applicant, fee and
 * last known status, as dossier-service's lifecycle events said (decision 36). A dossier taken at the counter has no
 * payment order, so the counter reads its fee here; a dossier submitted online before this book existed is adopted
 * from its latest payment order on first use.
 */
@Repository
public class DossierFeeBook {

    /** Statuses after which no fee is collected any more. */
    static final Set<String> CLOSED = Set.of("WITHDRAWN", "REJECTED", "STOPPED", "GUIDED");

    /** One dossier's entry. {@code agencyName} and {@code dossierStatus} are null for an entry adopted from an order. */
    public record DossierFee(
            String dossierCode,
            String agencyCode,
            String agencyName,
            String applicantSubject,
            String procedureCode,
            long feeVnd,
            String dossierStatus) {

        public boolean closed() {
            return dossierStatus != null && CLOSED.contains(dossierStatus);
        }
    }

    private static final String COLUMNS =
            "dossier_code, agency_code, agency_name, applicant_subject, procedure_code, fee_vnd, dossier_status";

    private final JdbcClient jdbc;

    DossierFeeBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events of one dossier arrive in order (key = dossier code), so the latest one wins. */
    void record(DossierLifecycleEventV1 e) {
        jdbc.sql("""
                        insert into dossier_fee (dossier_code, agency_code, agency_name, applicant_subject,
                                                 procedure_code, fee_vnd, dossier_status)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (dossier_code) do update set agency_code = excluded.agency_code,
                            agency_name = excluded.agency_name, applicant_subject = excluded.applicant_subject,
                            procedure_code = excluded.procedure_code, fee_vnd = excluded.fee_vnd,
                            dossier_status = excluded.dossier_status, updated_at = now()""")
                .params(
                        e.dossierCode(),
                        e.agencyCode(),
                        e.agencyName(),
                        e.applicantSubject(),
                        e.procedureCode(),
                        e.feeVnd(),
                        e.toStatus() == null ? null : e.toStatus().wireValue())
                .update();
    }

    public Optional<DossierFee> find(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from dossier_fee where dossier_code = ?")
                .param(dossierCode)
                .query(DossierFee.class)
                .optional();
    }

    /**
     * The dossier's entry, locked until the transaction ends (so two payments of one dossier are taken one after the
     * other); adopted first from the dossier's latest payment order when the book has none yet.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DossierFee> lock(String dossierCode) {
        jdbc.sql("""
                        insert into dossier_fee (dossier_code, agency_code, applicant_subject, fee_vnd)
                        select dossier_code, agency_code, payer_subject, amount_vnd from payment_order
                        where dossier_code = ? and method = 'ONLINE' order by created_at desc limit 1
                        on conflict (dossier_code) do nothing""").param(dossierCode).update();
        return jdbc.sql("select " + COLUMNS + " from dossier_fee where dossier_code = ? for update")
                .param(dossierCode)
                .query(DossierFee.class)
                .optional();
    }
}
