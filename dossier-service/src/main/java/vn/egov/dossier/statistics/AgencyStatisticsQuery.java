package vn.egov.dossier.statistics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-agency figures, computed from the dossiers themselves on every call (no counters that can drift). A read
 * model: it joins the tables of other packages (history, ratings, fees) read-only.
 */
@Component
class AgencyStatisticsQuery {

    record AgencyStatistics(
            String agencyCode,
            String agencyName,
            LocalDate from,
            LocalDate to,
            long submitted,
            long received,
            long resolvedOnTime,
            long resolvedLate,
            long inProgress,
            long overdue,
            long paused,
            double onlineShare,
            Double paidOnlineShare,
            Double averageRating) {}

    private final JdbcClient jdbc;

    AgencyStatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AgencyStatistics> agencies(LocalDate start, LocalDate end, LocalDate today, java.time.Instant now) {
        return jdbc.sql("""
                        select d.agency_code, max(d.agency_name) as agency_name, count(*) as submitted,
                          count(*) filter (where d.received_date is not null) as received,
                          -- late: after the due date, or on a new date given with an apology (the apology
                          -- admits the original date was missed; the agency's record keeps it late)
                          count(*) filter (where d.resolved_at is not null and not late.late) as on_time,
                          count(*) filter (where d.resolved_at is not null and late.late) as late,
                          count(*) filter (where d.status in ('RECEIVED', 'IN_PROCESSING', 'AWAITING_SUPPLEMENT')) as in_progress,
                          count(*) filter (where d.status in ('RECEIVED', 'IN_PROCESSING')
                                             and (d.due_at < :now or d.due_at is null and d.due_date < :today)) as overdue,
                          -- paused: waiting for the applicant's supplement, the clock stopped (part of in_progress)
                          count(*) filter (where d.status = 'AWAITING_SUPPLEMENT') as paused,
                          count(*) filter (where d.channel = 'ONLINE') as online,
                          count(*) filter (where f.dossier_id is not null) as with_fee,
                          count(*) filter (where f.dossier_id is not null and exists (
                              select 1 from dossier_history h where h.dossier_id = d.id and h.action = 'pay')) as paid_online,
                          avg(r.score) as average_rating
                        from dossier d left join dossier_rating r on r.dossier_id = d.id
                          left join dossier_fee f on f.dossier_id = d.id
                          cross join lateral (select d.resolved_at is not null
                              -- by the minute: after the due time (after the due date for a row without one)
                              and (d.resolved_at > d.due_at
                                   or d.due_at is null and (d.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date > d.due_date
                                   or exists (select 1 from dossier_history x
                                              where x.dossier_id = d.id and x.action = 'extend-deadline')) as late) late
                        where (d.submitted_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to
                          -- counter guidance (decision 27): nothing was received, so nothing was submitted either
                          and d.status <> 'GUIDED'
                        group by d.agency_code order by d.agency_code""")
                .param("from", start)
                .param("to", end)
                .param("today", today)
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, i) -> {
                    long withFee = rs.getLong("with_fee");
                    java.math.BigDecimal rating = rs.getBigDecimal("average_rating");
                    // online: submitted by the citizen; the rest were taken at the counter (DIRECT) or received by post
                    // (POSTAL)
                    long submitted = rs.getLong("submitted");
                    return new AgencyStatistics(
                            rs.getString("agency_code"),
                            rs.getString("agency_name"),
                            start,
                            end,
                            rs.getLong("submitted"),
                            rs.getLong("received"),
                            rs.getLong("on_time"),
                            rs.getLong("late"),
                            rs.getLong("in_progress"),
                            rs.getLong("overdue"),
                            rs.getLong("paused"),
                            submitted == 0 ? 0.0 : (double) rs.getLong("online") / submitted,
                            withFee == 0 ? null : (double) rs.getLong("paid_online") / withFee,
                            rating == null ? null : rating.doubleValue());
                })
                .list();
    }
}
