package vn.egov.dossier.overdue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.time.VietnamTime;
import vn.egov.dossier.calendar.WorkingDayCalendar;
import vn.egov.dossier.dossier.Actor;
import vn.egov.dossier.dossier.DossierLifecycle;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierTransitions;
import vn.egov.dossier.dossier.DossierTransitions.Action;
import vn.egov.dossier.dossier.DossierTransitions.Role;

/**
 * Finds dossiers still with the agency (the states where the transition table allows {@code overdue}: RECEIVED,
 * IN_PROCESSING; a dossier awaiting the citizen's supplement has its clock paused) whose due date has passed, and publishes {@code DossierOverdue} for
 * each, once per dossier and due date: the due date it was published for is stored with the dossier in
 * the same transaction as the outbox event. A PostgreSQL advisory lock (transaction-scoped) lets only one
 * instance of the service run the check at a time; the others skip that round.
 *
 * <p>In the same rounds it reminds the agency's staff of the dossiers due soon (decision 50): in the same states,
 * due today or within {@code egov.dossier.due-soon.working-days} working days (default 1; 0 turns the reminder
 * off), once per dossier and due date ({@code due_soon_notified_due_date}), as {@code DossierDueSoon}; a reminder
 * changes nothing of the dossier, so it has no history row.
 */
@Component
class OverdueCheck {

    /** The advisory lock key of this check, shared by every instance of dossier-service ("dossover"). */
    static final long LOCK_KEY = 0x646f73736f766572L;

    static final int BATCH = 200;

    /** Where the agency's clock runs: the states the transition table allows {@code overdue} in. */
    private static final List<String> STATUSES = DossierTransitions.statusesAllowing(Action.OVERDUE).stream()
            .map(Enum::name)
            .sorted()
            .toList();

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DossierLifecycle lifecycle;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final int dueSoonWorkingDays;

    OverdueCheck(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DossierLifecycle lifecycle,
            Clock clock,
            WorkingDayCalendar calendar,
            @Value("${egov.dossier.due-soon.working-days:1}") int dueSoonWorkingDays) {
        if (dueSoonWorkingDays < 0 || dueSoonWorkingDays > 30) {
            throw new IllegalArgumentException(
                    "egov.dossier.due-soon.working-days must be 0 (off) to 30, not " + dueSoonWorkingDays);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.calendar = calendar;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    @Scheduled(
            fixedDelayString = "${egov.dossier.overdue-check.interval:5m}",
            initialDelayString = "${egov.dossier.overdue-check.initial-delay:30s}")
    void scheduled() {
        int marked = run();
        if (marked > 0) {
            log.info("{} dossier(s) newly overdue", marked);
        }
        int reminded = remind();
        if (reminded > 0) {
            log.info("{} dossier(s) due soon, staff reminded", reminded);
        }
    }

    /** One round of reminders: the number of dossiers newly reminded of, or -1 when another instance holds the lock. */
    int remind() {
        if (dueSoonWorkingDays == 0) {
            return 0;
        }
        int total = 0;
        while (true) {
            Integer reminded = transactions.execute(tx -> dueSoonBatch());
            if (reminded == null || reminded < 0) {
                return total == 0 ? -1 : total;
            }
            total += reminded;
            if (reminded < BATCH) {
                return total;
            }
        }
    }

    private int dueSoonBatch() {
        if (!locked()) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<DossierRow> soon = jdbc.sql("select " + DossierRow.COLUMNS + """
                         from dossier
                        where status in (:statuses) and due_date between :today and :until
                          and due_soon_notified_due_date is distinct from due_date
                        order by due_date limit :batch for update skip locked""")
                .param("statuses", STATUSES)
                .param("today", today)
                .param("until", calendar.addWorkingDays(today, dueSoonWorkingDays))
                .param("batch", BATCH)
                .query(DossierRow::map)
                .list();
        for (DossierRow d : soon) {
            jdbc.sql("update dossier set due_soon_notified_due_date = due_date where id = ?")
                    .param(d.id())
                    .update();
            lifecycle.remindDueSoon(d);
        }
        return soon.size();
    }

    private boolean locked() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK_KEY)
                .query(Boolean.class)
                .single());
    }

    /** One round: the number of dossiers newly marked overdue, or -1 when another instance holds the lock. */
    int run() {
        int total = 0;
        while (true) {
            Integer marked = transactions.execute(tx -> batch());
            if (marked == null || marked < 0) {
                return total == 0 ? -1 : total;
            }
            total += marked;
            if (marked < BATCH) {
                return total;
            }
        }
    }

    private int batch() {
        if (!locked()) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<DossierRow> late = jdbc.sql("select " + DossierRow.COLUMNS + """
                         from dossier
                        where status in (:statuses) and due_date < :today
                          and overdue_notified_due_date is distinct from due_date
                        order by due_date limit :batch for update skip locked""")
                .param("statuses", STATUSES)
                .param("today", today)
                .param("batch", BATCH)
                .query(DossierRow::map)
                .list();
        for (DossierRow d : late) {
            jdbc.sql("update dossier set overdue_notified_due_date = due_date where id = ?")
                    .param(d.id())
                    .update();
            lifecycle.record(
                    d,
                    DossierTransitions.find(d.status(), Action.OVERDUE, Role.SYSTEM)
                            .orElseThrow(),
                    Actor.SYSTEM,
                    DossierLifecycle.Change.of(null, null, d.dueDate()));
        }
        return late.size();
    }
}
