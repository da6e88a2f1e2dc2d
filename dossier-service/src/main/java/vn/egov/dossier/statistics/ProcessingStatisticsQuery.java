package vn.egov.dossier.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the dossiers of a period were handled, per agency, sector and channel: the report of the state of
 * administrative procedures (tình hình, kết quả giải quyết TTHC) that the service index is computed from (decision
 * 49). Computed from the dossiers and their history on every call; no personal data in it.
 *
 * <p>A dossier counts from the day it was received (an online dossier nobody received yet is in no row). It is
 * carried over when received before the period and not finished before it started; it is finished on the first
 * day it was resolved, refused (rejected or stopped) or withdrawn. Every dossier of a row is exactly one of:
 * resolved early, on time or late, refused, withdrawn, pending within or past its due date at the end of the period;
 * so {@code carriedOver + received} equals the sum of those. Late: finished after the due date, or resolved on a new
 * date given with an apology (the apology admits the original date was missed). Dates are Vietnam dates.
 */
@Component
class ProcessingStatisticsQuery {

    /**
     * One agency × sector × channel. {@code receivedLate}: of the received, those received after their receipt limit
     * (decision 51); {@code paused}: of the pending, those waiting for a supplement now.
     */
    record Row(
            String agencyCode,
            String agencyName,
            String sectorCode,
            String sectorName,
            String channel,
            long carriedOver,
            long received,
            long receivedLate,
            long resolvedEarly,
            long resolvedOnTime,
            long resolvedLate,
            long refused,
            long withdrawn,
            long pendingWithinDue,
            long pendingPastDue,
            long paused,
            long ratings,
            Double averageRating) {

        long handled() {
            return carriedOver + received;
        }
    }

    private final JdbcClient jdbc;

    ProcessingStatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Online dossiers still waiting to be received past their receipt limit now (decision 51), per agency. */
    record Waiting(String agencyCode, String agencyName, long count) {}

    List<Waiting> awaitingReceiptPastLimit(java.time.Instant now, String agency) {
        return jdbc.sql("""
                        select agency_code, max(agency_name), count(*) from dossier
                        where status = 'SUBMITTED' and receipt_due_at < :now
                          and (cast(:agency as text) is null or agency_code = :agency)
                        group by agency_code order by agency_code""")
                .param("now", java.sql.Timestamp.from(now))
                .param("agency", agency)
                .query((rs, i) -> new Waiting(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** {@code agency}: one agency's rows, or every agency's when null. */
    List<Row> rows(LocalDate from, LocalDate to, String agency) {
        return jdbc.sql("""
                        with handled as (
                          select d.agency_code, d.agency_name, p.sector_code, d.channel, d.received_date, d.due_date, d.due_at,
                                 d.status, d.received_at > d.receipt_due_at as received_late, ended.on_date as ended_on, ended.at as ended_at, ended.to_status as ended_as, r.score,
                                 exists (select 1 from dossier_history x
                                         where x.dossier_id = d.id and x.action = 'extend-deadline') as apologised
                          from dossier d
                            join procedure p on p.code = d.procedure_code
                            left join dossier_rating r on r.dossier_id = d.id
                            left join lateral (
                              select (h.occurred_at at time zone 'Asia/Ho_Chi_Minh')::date as on_date, h.occurred_at as at,
                                     h.to_status
                              from dossier_history h
                              where h.dossier_id = d.id
                                and h.to_status in ('RESOLVED', 'REJECTED', 'STOPPED', 'WITHDRAWN')
                              order by h.id limit 1) ended on true
                          where d.received_date is not null and d.received_date <= :to
                            and (ended.on_date is null or ended.on_date >= :from)
                            and (cast(:agency as text) is null or d.agency_code = :agency)
                        ), judged as (
                          select h.*, h.ended_on is not null and h.ended_on <= :to as ended,
                                 -- by the minute: after the due time (after the due date for a row without one)
                                 coalesce(case when h.due_at is not null then h.ended_at > h.due_at
                                               else h.ended_on > h.due_date end, false) or h.apologised as late
                          from handled h
                        )
                        select j.agency_code, max(j.agency_name) as agency_name, j.sector_code,
                               max(s.name_vi) as sector_name, j.channel,
                               count(*) filter (where j.received_date < :from) as carried_over,
                               count(*) filter (where j.received_date >= :from) as received,
                               count(*) filter (where j.received_date >= :from and j.received_late) as received_late,
                               count(*) filter (where j.ended and j.ended_as = 'RESOLVED' and not j.late
                                                  and j.ended_on < j.due_date) as resolved_early,
                               count(*) filter (where j.ended and j.ended_as = 'RESOLVED' and not j.late
                                                  and (j.due_date is null or j.ended_on = j.due_date)) as resolved_on_time,
                               count(*) filter (where j.ended and j.ended_as = 'RESOLVED' and j.late) as resolved_late,
                               count(*) filter (where j.ended and j.ended_as in ('REJECTED', 'STOPPED')) as refused,
                               count(*) filter (where j.ended and j.ended_as = 'WITHDRAWN') as withdrawn,
                               count(*) filter (where not j.ended and (j.due_date is null or j.due_date >= :to))
                                   as pending_within_due,
                               count(*) filter (where not j.ended and j.due_date < :to) as pending_past_due,
                               count(*) filter (where not j.ended and j.status = 'AWAITING_SUPPLEMENT') as paused,
                               count(j.score) filter (where j.ended) as ratings,
                               avg(j.score) filter (where j.ended) as average_rating
                        from judged j join sector s on s.code = j.sector_code
                        group by j.agency_code, j.sector_code, j.channel
                        order by j.agency_code, j.sector_code, j.channel""")
                .param("from", from)
                .param("to", to)
                .param("agency", agency)
                .query((rs, i) -> {
                    BigDecimal rating = rs.getBigDecimal("average_rating");
                    return new Row(
                            rs.getString("agency_code"),
                            rs.getString("agency_name"),
                            rs.getString("sector_code"),
                            rs.getString("sector_name"),
                            rs.getString("channel"),
                            rs.getLong("carried_over"),
                            rs.getLong("received"),
                            rs.getLong("received_late"),
                            rs.getLong("resolved_early"),
                            rs.getLong("resolved_on_time"),
                            rs.getLong("resolved_late"),
                            rs.getLong("refused"),
                            rs.getLong("withdrawn"),
                            rs.getLong("pending_within_due"),
                            rs.getLong("pending_past_due"),
                            rs.getLong("paused"),
                            rs.getLong("ratings"),
                            rating == null ? null : rating.doubleValue());
                })
                .list();
    }
}
