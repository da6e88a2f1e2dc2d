package vn.egov.portal.administration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import vn.egov.portal.api.UserApi;

/**
 * The administration APIs with the signed-in administrator's token: identity-service's officers of the agency
 * ({@code /api/v1/identity/officers}, the agency is the token's), its agency registry (the agency's working hours and
 * receipt series, decision 60) and dossier-service's working-day calendar
 * ({@code /api/v1/calendar/**}, read by anyone, changed by SYSTEM_ADMIN).
 */
@Component
class AdministrationApi {

    record Officer(String id, String username, String fullName, String email, String agencyCode, boolean enabled) {}

    record Officers(List<Officer> items, int page, int size, long totalItems, int totalPages) {

        Officers {
            items = items == null ? List.of() : items;
        }
    }

    record NewOfficer(String username, String fullName, String email, String role, String temporaryPassword) {

        /** Never the temporary password: this record may end up in a log line of a failed call. */
        @Override
        public String toString() {
            return "NewOfficer[username=" + username + ", role=" + role + "]";
        }
    }

    /** A declared day: HOLIDAY (a weekday off) or WORKDAY (a Saturday or Sunday worked), with its legal source. */
    record Day(LocalDate day, String kind, String name, String source) {}

    /** One change of the calendar, who made it and when (the API's audit). */
    record Change(
            long id,
            LocalDate day,
            String oldKind,
            String oldName,
            String newKind,
            String newName,
            String source,
            String actorSubject,
            Instant changedAt) {}

    /**
     * An agency of identity-service's registry as its administrator sees it (decision 60): the working hours its limits
     * in hours count in, with the document publishing them, and the series its e-receipts are numbered under.
     */
    record Agency(
            String code,
            String name,
            String level,
            String workingHours,
            String workingHoursSource,
            String receiptSeries,
            long version,
            Instant updatedAt) {}

    private final RestClient api;

    AdministrationApi(@UserApi RestClient api) {
        this.api = api;
    }

    Officers officers(int page, int size) {
        return api.get()
                .uri(uri -> uri.path("/api/v1/identity/officers")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve()
                .body(Officers.class);
    }

    Officer create(NewOfficer officer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", officer.username());
        body.put("fullName", officer.fullName());
        body.put("email", officer.email());
        body.put("role", officer.role());
        body.put("temporaryPassword", officer.temporaryPassword());
        return api.post()
                .uri("/api/v1/identity/officers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(Officer.class);
    }

    void disable(String id) {
        api.post().uri("/api/v1/identity/officers/{id}/disable", id).retrieve().toBodilessEntity();
    }

    /**
     * {@code GET /api/v1/calendar/coverage}: the years the calendar covers and those it lacks within its horizon (or
     * that a count already went through); due dates there count Monday to Friday only (issue 14 item 3).
     */
    record Coverage(String status, List<Integer> coveredYears, List<Integer> missingYears) {

        Coverage {
            coveredYears = coveredYears == null ? List.of() : coveredYears;
            missingYears = missingYears == null ? List.of() : missingYears;
        }
    }

    Coverage coverage() {
        return api.get().uri("/api/v1/calendar/coverage").retrieve().body(Coverage.class);
    }

    List<Day> days(int year) {
        List<Day> days = api.get()
                .uri(uri -> uri.path("/api/v1/calendar/days")
                        .queryParam("year", year)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Day>>() {});
        return days == null ? List.of() : days;
    }

    List<Change> changes(int limit) {
        List<Change> changes = api.get()
                .uri(uri -> uri.path("/api/v1/calendar/changes")
                        .queryParam("limit", limit)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Change>>() {});
        return changes == null ? List.of() : changes;
    }

    void declare(LocalDate day, String kind, String name, String source) {
        api.put()
                .uri("/api/v1/calendar/days/{day}", day.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", kind, "name", name, "source", source))
                .retrieve()
                .toBodilessEntity();
    }

    Agency agency(String code) {
        return api.get()
                .uri("/api/v1/identity/agencies/{code}", code)
                .retrieve()
                .body(Agency.class);
    }

    void setWorkingHours(String code, String periods, String source) {
        api.put()
                .uri("/api/v1/identity/agencies/{code}/working-hours", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("periods", periods, "source", source))
                .retrieve()
                .toBodilessEntity();
    }

    void setReceiptSeries(String code, String series, String source) {
        api.put()
                .uri("/api/v1/identity/agencies/{code}/receipt-series", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("series", series, "source", source))
                .retrieve()
                .toBodilessEntity();
    }

    void withdraw(LocalDate day, String source) {
        api.delete()
                .uri(uri -> uri.path("/api/v1/calendar/days/{day}")
                        .queryParam("source", source)
                        .build(day.toString()))
                .retrieve()
                .toBodilessEntity();
    }
}
