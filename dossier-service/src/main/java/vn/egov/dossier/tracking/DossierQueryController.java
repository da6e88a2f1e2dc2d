package vn.egov.dossier.tracking;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.commons.web.PageResponse;
import vn.egov.dossier.dataprotection.ApplicantIndex;
import vn.egov.dossier.input.InputLimits;

/**
 * Dossier lists: a citizen sees their own, an officer or approver their agency's queue, anyone else
 * an empty list (never someone else's).
 */
@RestController
class DossierQueryController {

    private final DossierViews views;
    private final WalkInClaims claims;
    private final ApplicantIndex applicantIndex;

    DossierQueryController(DossierViews views, WalkInClaims claims, ApplicantIndex applicantIndex) {
        this.applicantIndex = applicantIndex;
        this.views = views;
        this.claims = claims;
    }

    @GetMapping("/api/v1/dossiers")
    @Operation(
            summary = "Own dossiers (citizen) or the agency's queue (officer, approver)",
            description = "Filters: status (one status, or OPEN: what the agency still has to act on, i.e. SUBMITTED, "
                    + "TRANSFERRED, RECEIVED, IN_PROCESSING, AWAITING_SUPPLEMENT, RESOLVED, POSTED; the desk's "
                    + "default), procedure, overdue, receiptOverdue (online dossiers still waiting to be received past "
                    + "their receipt limit: chưa tiếp nhận quá hạn), dueBefore (due soon), from/to (submission date); "
                    + "the queue is "
                    + "sorted by due date, then submission. "
                    + "totalItems counts up to 1 000: past that, totalCapped is true (there are more) and totalPages "
                    + "counts the pages of the first 1 000. applicant (officers, approvers): the applicant's CCCD "
                    + "(12 digits) or full name, matched exactly once accents and case are folded (\"nguyen van an\" "
                    + "finds \"Nguyễn Văn An\"; a part of a name finds nothing); at most 100 characters, something to "
                    + "look up (400 validation-failed naming applicant otherwise). received=true (officers, approvers of a "
                    + "service centre): the dossiers their centre received for other agencies, which those agencies "
                    + "handle (Nghị định 118/2025/NĐ-CP).")
    DossierViews.DossierPage list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String status,
            @RequestParam(required = false) @Size(max = InputLimits.CODE) String procedure,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean receiptOverdue,
            @RequestParam(required = false) LocalDate dueBefore,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Size(max = ApplicantIndex.TERM_LIMIT) String applicant,
            @RequestParam(required = false) Boolean received,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageResponse.validate(page, size);
        EgovPrincipal who = EgovPrincipal.from(jwt);
        boolean agencyQueue;
        String scopeValue;
        if ((who.hasRole("OFFICER") || who.hasRole("APPROVER")) && who.agency() != null) {
            agencyQueue = true;
            scopeValue = who.agency();
        } else if (who.hasRole("CITIZEN")) {
            // dossiers taken at the counter for this person become theirs once they are verified (level 2)
            claims.claimFor(who);
            agencyQueue = false;
            scopeValue = who.subject();
        } else {
            return DossierViews.DossierPage.of(List.of(), page, size, 0);
        }
        ApplicantIndex.Lookup byApplicant = null;
        if (applicant != null && agencyQueue) {
            // 12 digits: a CCCD; otherwise a full name (an exact match once accents and case are folded)
            byApplicant = applicantIndex
                    .lookup(applicant)
                    .orElseThrow(() -> new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "validation-failed",
                            List.of(ApiProblem.FieldError.keyed(
                                    "applicant",
                                    "invalid-applicant-search",
                                    "validation.dossier.invalid-applicant-search")),
                            Map.of()));
        }
        return views.list(
                agencyQueue,
                agencyQueue && Boolean.TRUE.equals(received),
                scopeValue,
                status,
                procedure,
                overdue,
                receiptOverdue,
                dueBefore,
                from,
                to,
                byApplicant,
                page,
                size);
    }
}
