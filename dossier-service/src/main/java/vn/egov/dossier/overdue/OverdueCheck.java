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
import vn.egov.dossier.calendar.Deadlines;
import vn.egov.dossier.calendar.TimeLimit;
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
 *
 * <p>And it gives each online dossier waiting to be received its receipt limit (decision 51): {@code receipt_due_at},
 * {@code egov.dossier.receipt-limit.working-hours} of the agency's working time (default 8; 0: none) from when it
 * could be received (submitted, or paid when the fee comes first). Past it and still SUBMITTED, the dossier is
 * "chưa tiếp nhận quá hạn" (flag, desk filter, count), and the agency's staff are told once
 * ({@code DossierReceiptOverdue}, {@code receipt_overdue_notified_at}).
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
    private final Deadlines deadlines;
    private final int receiptLimitHours;

    OverdueCheck(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DossierLifecycle lifecycle,
            Clock clock,
            WorkingDayCalendar calendar,
            @Value("${egov.dossier.due-soon.working-days:1}") int dueSoonWorkingDays,
            Deadlines deadlines,
            @Value("${egov.dossier.receipt-limit.working-hours:8}") int receiptLimitHours) {
        if (dueSoonWorkingDays < 0 || dueSoonWorkingDays > 30) {
            throw new IllegalArgumentException(
                    "egov.dossier.due-soon.working-days must be 0 (off) to 30, not " + dueSoonWorkingDays);
        }
        if (receiptLimitHours < 0 || receiptLimitHours > 240) {
            throw new IllegalArgumentException(
                    "egov.dossier.receipt-limit.working-hours must be 0 (none) to 240, not " + receiptLimitHours);
        }
        this.deadlines = deadlines;
        this.receiptLimitHours = receiptLimitHours;
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
        receiptLimits();
    }

    /** Gives the online dossiers waiting to be received their receipt limit; the number given, -1 when locked. */
    int receiptLimits() {
        if (receiptLimitHours == 0) {
            return 0;
        }
        return rounds(this::receiptLimitBatch);
    }

    private int receiptLimitBatch() {
        if (!locked()) {
            return -1;
        }
        TimeLimit limit = new TimeLimit(
                receiptLimitHours, TimeLimit.Unit.WORKING_HOURS, "egov.dossier.receipt-limit.working-hours");
        // receivable since: the payment when the fee came first (its history row), else the submission
        List<Waiting> waiting = jdbc.sql("""
                        select d.id, d.agency_code, coalesce(
                                 (select max(h.occurred_at) from dossier_history h
                                  where h.dossier_id = d.id and h.action = 'pay'), d.submitted_at) as since
                        from dossier d
                        where d.status = 'SUBMITTED' and d.channel = 'ONLINE' and d.receipt_due_at is null
                        limit :batch for update of d skip locked""")
                .param("batch", BATCH)
                .query((rs, i) -> new Waiting(
                        rs.getObject(1, java.util.UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
        for (Waiting w : waiting) {
            java.time.Instant due =
                    deadlines.due(w.since(), limit, w.agencyCode()).dueAt();
            jdbc.sql("update dossier set receipt_due_at = ? where id = ?")
                    .params(java.sql.Timestamp.from(due), w.id())
                    .update();
        }
        // and the staff are told, once, of those now past their limit
        List<DossierRow> late = jdbc.sql("select " + DossierRow.COLUMNS + """
                         from dossier
                        where status = 'SUBMITTED' and receipt_due_at < :now and receipt_overdue_notified_at is null
                        order by receipt_due_at limit :batch for update skip locked""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("batch", BATCH)
                .query(DossierRow::map)
                .list();
        for (DossierRow d : late) {
            jdbc.sql("update dossier set receipt_overdue_notified_at = :now where id = :id")
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .param("id", d.id())
                    .update();
            lifecycle.remindReceiptOverdue(d);
        }
        return Math.max(waiting.size(), late.size());
    }

    private record Waiting(java.util.UUID id, String agencyCode, java.time.Instant since) {}

    /** One round of reminders: the number of dossiers newly reminded of, or -1 when another instance holds the lock. */
    int remind() {
        if (dueSoonWorkingDays == 0) {
            return 0;
        }
        return rounds(this::dueSoonBatch);
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

    /**
     * Batches of one kind, each in its own transaction, until one is not full: how many rows they handled, or -1
     * when another instance holds the lock.
     */
    private int rounds(java.util.function.IntSupplier batch) {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(tx -> batch.getAsInt());
            if (done == null || done < 0) {
                return total == 0 ? -1 : total;
            }
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    private boolean locked() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK_KEY)
                .query(Boolean.class)
                .single());
    }

    /** One round: the number of dossiers newly marked overdue, or -1 when another instance holds the lock. */
    int run() {
        return rounds(this::batch);
    }

    private int batch() {
        if (!locked()) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        // past the due time, by the minute (a limit in working hours is overdue within its day)
        List<DossierRow> late = jdbc.sql(
                        "select " + DossierRow.COLUMNS + " from dossier where status in (:statuses) and "
                                + DossierRow.PAST_DUE_SQL + """
                          and overdue_notified_due_date is distinct from due_date
                        order by due_date limit :batch for update skip locked""")
                .param("statuses", STATUSES)
                .param("today", today)
                .param("now", java.sql.Timestamp.from(clock.instant()))
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
