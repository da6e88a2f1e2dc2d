package vn.egov.identity.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.events.EventPublisher;
import vn.egov.commons.events.EventTopics;
import vn.egov.commons.web.PageResponse;
import vn.egov.contracts.identity.AgencyChangedV1;
import vn.egov.identity.agency.AgencyController.AgencyResponse;

/**
 * The agency registry (decision 60): the active agencies, read from the reference table the migrations fill, and
 * what an administrator changes of one (its working hours, its receipt series). A change is one transaction: the agency's row and its
 * version, a row of {@code agency_change} (who, when, before and after) and {@code AgencyChangedV1} in the outbox,
 * which dossier-service's replica of the working hours takes.
 */
@Component
class Agencies {

    /** {@code HH:mm-HH:mm[,HH:mm-HH:mm]}, spaces allowed around the parts; hours and minutes only. */
    private static final Pattern PERIODS = Pattern.compile(
            "\\s*\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}\\s*(,\\s*\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}\\s*){0,5}");

    private static final Logger log = LoggerFactory.getLogger(Agencies.class);
    private static final String COLUMNS = "code, name_vi, name_en, level, parent_code, service_centre, working_hours,"
            + " working_hours_source, receipt_series, version, updated_at, updated_by";
    /** A receipt series symbol: capitals, digits, dots and hyphens; no '/', the receipt number's separator. */
    private static final Pattern SERIES = Pattern.compile("[0-9A-Z.-]{1,32}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Agencies(JdbcClient jdbc, TransactionTemplate transactions, EventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** A null level, parent or serviceCentre does not filter. */
    PageResponse<AgencyResponse> page(String level, String parent, Boolean serviceCentre, int page, int size) {
        String where = " where active and (:level::text is null or level = :level)"
                + " and (:parent::text is null or parent_code = :parent)"
                + " and (:centre::boolean is null or service_centre = :centre)";
        long total = jdbc.sql("select count(*) from agency" + where)
                .param("level", level)
                .param("parent", parent)
                .param("centre", serviceCentre)
                .query(Long.class)
                .single();
        List<AgencyResponse> items = jdbc.sql(
                        "select " + COLUMNS + " from agency" + where + " order by code limit :size offset :offset")
                .param("level", level)
                .param("parent", parent)
                .param("centre", serviceCentre)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, i) -> response(rs))
                .list();
        return PageResponse.of(items, page, size, total);
    }

    Optional<AgencyResponse> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from agency where code = :code and active")
                .param("code", code)
                .query((rs, i) -> response(rs))
                .optional();
    }

    /**
     * Sets an active agency's working hours (already checked by {@link #periodsProblem}), written in the canonical
     * form {@code 07:30-11:30,13:30-17:00}; empty when there is no such agency.
     */
    Optional<AgencyResponse> setWorkingHours(String code, String periods, String source, String actor) {
        String canonical = canonical(periods);
        return change(
                code,
                "workingHours",
                AgencyResponse::workingHours,
                "working_hours = :value, working_hours_source = :source",
                canonical,
                source,
                actor);
    }

    /**
     * Sets an active agency's receipt series (already checked by {@link #seriesProblem}); empty when there is no such
     * agency. The caller has checked that no other agency uses it; the unique index refuses a race.
     */
    Optional<AgencyResponse> setReceiptSeries(String code, String series, String source, String actor) {
        return change(
                code, "receiptSeries", AgencyResponse::receiptSeries, "receipt_series = :value", series, source, actor);
    }

    /** Whether an agency other than {@code code} has the series. */
    boolean seriesTakenByAnother(String code, String series) {
        return jdbc.sql("select count(*) from agency where receipt_series = :series and code <> :code")
                        .param("series", series)
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * One change of an agency: its row and version, a row of {@code agency_change} and the event, in one transaction.
     */
    private Optional<AgencyResponse> change(
            String code,
            String field,
            java.util.function.Function<AgencyResponse, String> current,
            String assignments,
            String value,
            String source,
            String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<AgencyResponse> changed = transactions.execute(tx -> {
            Optional<AgencyResponse> before = jdbc.sql(
                            "select " + COLUMNS + " from agency where code = :code and active for update")
                    .param("code", code)
                    .query((rs, i) -> response(rs))
                    .optional();
            if (before.isEmpty()) {
                return Optional.<AgencyResponse>empty();
            }
            AgencyResponse after = jdbc.sql("update agency set " + assignments + ", version = version + 1,"
                            + " updated_at = :at, updated_by = :actor where code = :code returning " + COLUMNS)
                    .param("value", value)
                    .param("source", source)
                    .param("at", java.sql.Timestamp.from(now))
                    .param("actor", actor)
                    .param("code", code)
                    .query((rs, i) -> response(rs))
                    .single();
            jdbc.sql("insert into agency_change (agency_code, version, field, old_value, new_value, source, changed_by,"
                            + " changed_at) values (:code, :version, :field, :old, :new, :source, :actor, :at)")
                    .param("code", code)
                    .param("version", after.version())
                    .param("field", field)
                    .param("old", current.apply(before.get()))
                    .param("new", value)
                    .param("source", source)
                    .param("actor", actor)
                    .param("at", java.sql.Timestamp.from(now))
                    .update();
            announce(after);
            return Optional.of(after);
        });
        changed.ifPresent(
                a -> log.info("agency {} {} set to {} (version {}) by {}", code, field, value, a.version(), actor));
        return changed;
    }

    /**
     * Announces every agency changed since the migrations again (same version: replicas that have it change nothing),
     * so that a consumer reading the topic from its start — a new installation, one down longer than the topic's
     * retention — finds each agency's current state there: a minute after each start (a service restarted more often
     * than daily still announces), then daily.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            initialDelayString = "${egov.identity.agencies.announce-again-first:1m}",
            fixedDelayString = "${egov.identity.agencies.announce-again-every:24h}")
    void announceAgain() {
        int count = transactions.execute(tx -> {
            List<AgencyResponse> changed = jdbc.sql(
                            "select " + COLUMNS + " from agency where active and version > 0 order by code")
                    .query((rs, i) -> response(rs))
                    .list();
            changed.forEach(this::announce);
            return changed.size();
        });
        if (count > 0) {
            log.info("{} changed agencies announced again", count);
        }
    }

    private void announce(AgencyResponse agency) {
        events.publish(
                EventTopics.IDENTITY,
                AgencyChangedV1.TYPE,
                agency.code(),
                new AgencyChangedV1(
                        agency.code(),
                        agency.name(),
                        agency.nameEn(),
                        agency.level(),
                        agency.parentCode(),
                        agency.serviceCentre(),
                        true,
                        agency.workingHours(),
                        agency.workingHoursSource(),
                        agency.receiptSeries(),
                        agency.version(),
                        agency.updatedBy(),
                        agency.updatedAt()));
    }

    /** Why {@code series} is not a receipt series symbol ({@code validation.*}), or empty when it is. */
    static Optional<String> seriesProblem(String series) {
        return SERIES.matcher(series).matches() ? Optional.empty() : Optional.of("receipt-series-format");
    }

    /**
     * Why {@code periods} are not an agency's working hours (a message code of {@code validation.*}), or empty when
     * they are: {@code HH:mm-HH:mm} periods, at most six, each ending after it starts, in order and not overlapping.
     */
    static Optional<String> periodsProblem(String periods) {
        if (!PERIODS.matcher(periods).matches()) {
            return Optional.of("working-hours-format");
        }
        LocalTime previousEnd = null;
        for (String part : periods.split(",")) {
            String[] ends = part.strip().split("-");
            LocalTime start;
            LocalTime end;
            try {
                start = LocalTime.parse(ends[0].strip());
                end = LocalTime.parse(ends[1].strip());
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.of("working-hours-format");
            }
            if (!start.isBefore(end) || (previousEnd != null && start.isBefore(previousEnd))) {
                return Optional.of("working-hours-order");
            }
            previousEnd = end;
        }
        return Optional.empty();
    }

    static String canonical(String periods) {
        List<String> parts = new ArrayList<>();
        for (String part : periods.split(",")) {
            String[] ends = part.strip().split("-");
            parts.add(ends[0].strip() + "-" + ends[1].strip());
        }
        return String.join(",", parts);
    }

    private static AgencyResponse response(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp updated = rs.getTimestamp(11);
        return new AgencyResponse(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                updated == null ? null : updated.toInstant(),
                rs.getString(12));
    }
}
