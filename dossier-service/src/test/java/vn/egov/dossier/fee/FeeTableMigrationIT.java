package vn.egov.dossier.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.egov.testsupport.RealInfrastructure;

/**
 * V14 on a database that already holds dossiers (own database, emptied first): the schema at V13 with dossiers
 * whose fee and payment order are columns of {@code dossier}, then the rest of the migrations. Every dossier with a
 * fee gets its {@code dossier_fee} row with the same order state; a free one gets none; the old columns stay.
 */
class FeeTableMigrationIT {

    @Test
    void existingFeesAndOrdersMoveToTheFeeTable() {
        RealInfrastructure.PostgresEndpoint pg = RealInfrastructure.postgres("dossier_fee_migration");
        DriverManagerDataSource db =
                new DriverManagerDataSource(pg.jdbcUrl("dossier_fee_migration"), pg.username(), pg.password());
        Flyway.configure().dataSource(db).cleanDisabled(false).load().clean();
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .target("13")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        String procedure = jdbc.sql("select code from procedure order by code limit 1")
                .query(String.class)
                .single();
        UUID ordered = UUID.randomUUID();
        UUID owed = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        insert(jdbc, ordered, "A-1", procedure, "AWAITING_PAYMENT", 200_000);
        jdbc.sql("""
                        update dossier set payment_id = ?, payment_amount = 200000, payment_url = 'https://pay/1',
                               payment_attempts = 2, payment_generation = 1 where id = ?""").params(paymentId, ordered).update();
        insert(jdbc, owed, "A-2", procedure, "AWAITING_PAYMENT", 100_000);
        jdbc.sql("""
                        update dossier set payment_attempts = 3,
                               payment_next_attempt_at = timestamptz '2026-12-04 10:00:00+00' where id = ?""").param(owed).update();
        insert(jdbc, free, "A-3", procedure, "SUBMITTED", 0);

        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        List<Map<String, Object>> rows = jdbc.sql("""
                        select dossier_id, amount_vnd, payment_id, payment_amount, payment_url, attempts, generation,
                               next_attempt_at is not null as waits
                        from dossier_fee order by amount_vnd desc""").query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsEntry("dossier_id", ordered)
                .containsEntry("amount_vnd", 200_000L)
                .containsEntry("payment_id", paymentId)
                .containsEntry("payment_amount", 200_000L)
                .containsEntry("payment_url", "https://pay/1")
                .containsEntry("attempts", 2)
                .containsEntry("generation", 1)
                .containsEntry("waits", false);
        assertThat(rows.get(1))
                .containsEntry("dossier_id", owed)
                .containsEntry("amount_vnd", 100_000L)
                .containsEntry("payment_id", null)
                .containsEntry("attempts", 3)
                .containsEntry("generation", 0)
                .containsEntry("waits", true);
        // the old columns stay for a previous release still running against the database; a later release drops them
        assertThat(jdbc.sql("select fee_vnd from dossier where id = ?")
                        .param(ordered)
                        .query(Long.class)
                        .single())
                .isEqualTo(200_000L);
    }

    private static void insert(JdbcClient jdbc, UUID id, String code, String procedure, String status, long fee) {
        jdbc.sql("""
                        insert into dossier (id, code, procedure_code, agency_code, applicant_subject, status, submitted_at,
                                             fee_vnd)
                        values (?, ?, ?, 'AGENCY', 'citizen-1', ?, now(), ?)""").params(id, code, procedure, status, fee).update();
    }
}
