package vn.egov.identity.agency;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.commons.web.ProblemFactory;
import vn.egov.identity.validation.InputLimits;
import vn.egov.identity.validation.ValidationErrors;

/** The agency registry (decision 60): agencies and their electronic identifiers, public; their working hours. */
@RestController
@RequestMapping("/api/v1/identity/agencies")
class AgencyController {

    /**
     * {@code serviceCentre}: a public administrative service centre, which receives dossiers for every competent agency
     * of its province (Nghị định 118/2025/NĐ-CP; decision 57). {@code workingHours}: the periods of a working day in
     * which its limits in hours and half-days count, {@code "07:30-11:30,13:30-17:00"}; {@code receiptSeries}: the
     * symbol its e-receipts are numbered under; {@code version}: 0 as the migrations left it, one more at each change.
     * Who made the last change is in the event and {@code agency_change}, not in the public list.
     */
    record AgencyResponse(
            String code,
            String name,
            String nameEn,
            String level,
            String parentCode,
            boolean serviceCentre,
            String workingHours,
            String workingHoursSource,
            String receiptSeries,
            long version,
            Instant updatedAt,
            @JsonIgnore String updatedBy) {}

    /** {@code periods}: {@code "07:30-11:30,13:30-17:00"}; {@code source}: the document that publishes them. */
    record WorkingHoursRequest(String periods, String source) {}

    /** {@code series}: the receipt series symbol; {@code source}: the document registering it. */
    record ReceiptSeriesRequest(String series, String source) {}

    static final int PERIODS_MAX = 100;
    static final int SOURCE_MAX = 300;
    static final int SERIES_MAX = 32;
    private static final Pattern AGENCY_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}");

    private final Agencies agencies;
    private final ProblemFactory problems;

    AgencyController(Agencies agencies, ProblemFactory problems) {
        this.agencies = agencies;
        this.problems = problems;
    }

    @GetMapping
    @Operation(
            summary = "Agencies with their electronic identifiers and working hours",
            description = "Public. Filter by level (MINISTRY, PROVINCE, COMMUNE), parent, or serviceCentre=true (the"
                    + " public administrative service centres, which receive dossiers for every competent agency of"
                    + " their province: Nghị định 118/2025/NĐ-CP).")
    PageResponse<AgencyResponse> list(
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String level,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String parent,
            @RequestParam(required = false) Boolean serviceCentre,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.validate(page, size);
        return agencies.page(level, parent, serviceCentre, page, size);
    }

    @GetMapping("/{code}")
    @Operation(
            summary = "One agency of the registry (signed in)",
            description =
                    "Any signed-in caller (the list is the public reference). Its names, level, parent, whether it is a service centre, its working hours and"
                            + " receipt series, and its version. 404 for a code the registry lacks or an inactive agency.")
    AgencyResponse one(@PathVariable String code) {
        if (!AGENCY_CODE.matcher(code).matches()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found");
        }
        return agencies.find(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
    }

    @PutMapping("/{code}/working-hours")
    @Operation(
            summary = "Set an agency's working hours (system administrator, or the agency's own administrator)",
            description = "JSON {\"periods\":\"07:30-11:30,13:30-17:00\",\"source\":\"the document publishing them\"}:"
                    + " up to six periods HH:mm-HH:mm of a working day, Vietnam time, in order and not overlapping."
                    + " Recorded with who and when (agency_change), published as vn.egov.identity.agency-changed.v1;"
                    + " dossier-service counts from its next receipt with them (due times already given do not move)."
                    + " 422 working-hours-invalid names each bad field; another agency's administrator gets 403.")
    AgencyResponse setWorkingHours(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @RequestBody(required = false) WorkingHoursRequest body) {
        EgovPrincipal who = administrator(jwt, code);
        WorkingHoursRequest request = body == null ? new WorkingHoursRequest(null, null) : body;
        ValidationErrors errors = new ValidationErrors();
        if (errors.require("periods", request.periods())
                && errors.maxLength("periods", request.periods(), PERIODS_MAX)) {
            Agencies.periodsProblem(request.periods()).ifPresent(p -> errors.add("periods", p));
        }
        if (errors.require("source", request.source())) {
            errors.maxLength("source", request.source(), SOURCE_MAX);
        }
        if (!errors.isEmpty()) {
            throw errors.toProblem(problems, HttpStatus.UNPROCESSABLE_CONTENT, "working-hours-invalid");
        }
        return agencies.setWorkingHours(
                        code, request.periods(), request.source().strip(), who.subject())
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
    }

    @PutMapping("/{code}/receipt-series")
    @Operation(
            summary = "Set the series an agency's e-receipts are numbered under (system administrator, or the agency's"
                    + " own administrator)",
            description = "JSON {\"series\":\"BLBD-26E\",\"source\":\"the document registering it\"}: capitals,"
                    + " digits, dots and hyphens, at most 32. payment-service numbers the agency's receipts"
                    + " <series>/<year>/<000001> from its next payment, a new series from 1. Recorded with who and"
                    + " when, published as vn.egov.identity.agency-changed.v1. 422 receipt-series-invalid names each"
                    + " bad field; a series another agency has: 409 receipt-series-taken.")
    AgencyResponse setReceiptSeries(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String code,
            @RequestBody(required = false) ReceiptSeriesRequest body) {
        EgovPrincipal who = administrator(jwt, code);
        ReceiptSeriesRequest request = body == null ? new ReceiptSeriesRequest(null, null) : body;
        ValidationErrors errors = new ValidationErrors();
        String series = request.series() == null ? null : request.series().strip();
        if (errors.require("series", series) && errors.maxLength("series", series, SERIES_MAX)) {
            Agencies.seriesProblem(series).ifPresent(p -> errors.add("series", p));
        }
        if (errors.require("source", request.source())) {
            errors.maxLength("source", request.source(), SOURCE_MAX);
        }
        if (!errors.isEmpty()) {
            throw errors.toProblem(problems, HttpStatus.UNPROCESSABLE_CONTENT, "receipt-series-invalid");
        }
        if (agencies.seriesTakenByAnother(code, series)) {
            throw new ValidationErrors()
                    .add("series", "receipt-series-taken")
                    .toProblem(problems, HttpStatus.CONFLICT, "receipt-series-taken");
        }
        try {
            return agencies.setReceiptSeries(code, series, request.source().strip(), who.subject())
                    .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found"));
        } catch (org.springframework.dao.DuplicateKeyException race) {
            throw new ValidationErrors()
                    .add("series", "receipt-series-taken")
                    .toProblem(problems, HttpStatus.CONFLICT, "receipt-series-taken");
        }
    }

    /** A system administrator, or the agency's own administrator; an agency code of the registry's form. */
    private static EgovPrincipal administrator(Jwt jwt, String code) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        boolean systemAdmin = who.hasRole("SYSTEM_ADMIN");
        boolean ownAdmin = who.hasRole("AGENCY_ADMIN") && code.equals(who.agency());
        if (who.subject() == null || !(systemAdmin || ownAdmin)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        }
        if (!AGENCY_CODE.matcher(code).matches()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found");
        }
        return who;
    }
}
