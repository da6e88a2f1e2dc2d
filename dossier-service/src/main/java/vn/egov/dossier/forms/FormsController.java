package vn.egov.dossier.forms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.dossier.DossierAccess;
import vn.egov.dossier.dossier.DossierRow;
import vn.egov.dossier.dossier.DossierStore;

/**
 * The official forms as PDF files: 01–06 of a dossier (whoever may see the dossier: its owner, officers and
 * approvers of the handling agency; everyone else the same 404 as for an unknown code), and 07, an agency's
 * register for a period (its officers, approvers and administrators).
 */
@RestController
@Tag(name = "forms")
class FormsController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;

    /** One form that applies to a dossier, and where to fetch it. */
    record AvailableForm(String form, String title, String url) {}

    private final DossierStore store;
    private final DossierForms forms;
    private final AgencyRegister register;

    FormsController(DossierStore store, DossierForms forms, AgencyRegister register) {
        this.store = store;
        this.forms = forms;
        this.register = register;
    }

    @GetMapping("/api/v1/dossiers/{code}/forms")
    @Operation(summary = "The official forms (Thông tư 03/2025/TT-VPCP) that apply to the dossier now")
    List<AvailableForm> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
        DossierRow d = visible(jwt, code);
        return forms.available(d).stream()
                .map(k -> new AvailableForm(
                        k.number(), k.title(), "/api/v1/dossiers/" + d.code() + "/forms/" + k.number()))
                .toList();
    }

    @GetMapping("/api/v1/dossiers/{code}/forms/{form}")
    @Operation(
            summary = "One official form of the dossier as PDF: 01 receipt, 02 supplement request, 03 refusal, "
                    + "04 apology and new appointment, 05 stop, 06 control sheet",
            description = "404 form-not-found for another number; 409 form-not-applicable when the dossier's history "
                    + "has no fact for the form yet. The same data gives the same bytes (ETag = SHA-256).")
    ResponseEntity<byte[]> form(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String code, @PathVariable String form) {
        DossierRow d = visible(jwt, code);
        FormKind kind = FormKind.ofDossier(form)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "form-not-found", form));
        return pdf(forms.render(kind, d));
    }

    @GetMapping("/api/v1/agencies/{agency}/register")
    @Operation(
            summary = "Mẫu 07, the agency's register (Sổ theo dõi hồ sơ) of the dossiers received from..to "
                    + "(Vietnam dates, at most 366 days): officers, approvers and administrators of that agency")
    ResponseEntity<byte[]> register(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String agency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        boolean staff = who.hasRole("OFFICER") || who.hasRole("APPROVER") || who.hasRole("AGENCY_ADMIN");
        if (!staff || who.agency() == null || !who.agency().equals(agency)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "register-forbidden", agency);
        }
        return pdf(register.render(agency, from, to));
    }

    private DossierRow visible(Jwt jwt, String code) {
        DossierRow d = store.find(code).orElseThrow(() -> DossierAccess.notFound(code));
        if (!DossierAccess.canSee(EgovPrincipal.from(jwt), d)) {
            throw DossierAccess.notFound(code);
        }
        return d;
    }

    /**
     * The file, shown in the browser (to print) under its Vietnamese name ({@code filename*}, RFC 6266/8187) with
     * an ASCII fallback; tagged by its digest, which is stable because the bytes are.
     */
    static ResponseEntity<byte[]> pdf(DossierForms.Rendered rendered) {
        String name = FormPdf.nfc(rendered.fileName());
        String disposition = "inline; filename=\"" + FormKind.ascii(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag("\"" + HexFormat.of().formatHex(FormPdf.sha256Bytes(rendered.pdf())) + "\"")
                .body(rendered.pdf());
    }
}
