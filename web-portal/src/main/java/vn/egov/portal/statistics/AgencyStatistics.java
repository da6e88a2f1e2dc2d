package vn.egov.portal.statistics;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * What {@code GET /api/v1/statistics/agencies} answers per agency (this year by default): the public statistics
 * page and the desk's dashboard read the same figures.
 */
public record AgencyStatistics(
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
        Double averageRating) {

    /** Resolved on time among those resolved; null before any is resolved (nothing to judge yet). */
    public Double onTimeShare() {
        long resolved = resolvedOnTime + resolvedLate;
        return resolved == 0 ? null : (double) resolvedOnTime / resolved;
    }

    /** Every agency's figures from the public API (no token needed), the busiest first. */
    public static List<AgencyStatistics> busiestFirst(RestClient publicApi) {
        List<AgencyStatistics> agencies = publicApi
                .get()
                .uri("/api/v1/statistics/agencies")
                .retrieve()
                .body(new ParameterizedTypeReference<List<AgencyStatistics>>() {});
        return agencies == null
                ? List.of()
                : agencies.stream()
                        .sorted(Comparator.comparingLong(AgencyStatistics::submitted)
                                .reversed())
                        .toList();
    }
}
