package vn.egov.dossier.procedure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.egov.commons.security.EgovPrincipal;
import vn.egov.commons.web.ApiProblem;

/**
 * The catalogue import (decisions 53, 56): system administrators load procedures, documents, offerings and the fee and
 * time limit per channel from CSV.
 */
@RestController
@RequestMapping("/api/v1/catalogue/imports")
class CatalogueImportController {

    private final CatalogueImport imports;

    CatalogueImportController(CatalogueImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import procedures, their documents and the agencies that offer them (system administrator)",
            description =
                    "Multipart, each part a UTF-8 CSV file (RFC 4180, a header row of column names; formats in the "
                            + "dossier-service README, \"The catalogue import\"): `procedures`, `documents`, `offerings`, `channels` "
                            + "(the fee and time limit per channel: ONLINE, DIRECT, POSTAL), `cases` (the procedure's cases, trường hợp, each with its own documents — `documents.cases` — and possibly its own fee and time limit; at least one part), and `label` (≤ 200 characters). Each file ≤ 2 MB (413 catalogue-file-too-large) and ≤ 5000 rows. "
                            + "Every row is checked first: any error → 422 catalogue-invalid listing every error (up to 200; "
                            + "`errorCount` has them all) with field `<file>[<row>].<column>`, the row as a spreadsheet numbers it "
                            + "(the header is row 1), and nothing is changed. Agency codes are checked against identity-service's "
                            + "registry (503 agency-registry-unavailable when it does not answer). Otherwise the files are applied "
                            + "in one transaction as a new version → 201 with what was written.")
    ResponseEntity<CatalogueImport.Result> load(
            @AuthenticationPrincipal Jwt jwt,
            @RequestPart(name = "procedures", required = false) MultipartFile procedures,
            @RequestPart(name = "documents", required = false) MultipartFile documents,
            @RequestPart(name = "offerings", required = false) MultipartFile offerings,
            @RequestPart(name = "channels", required = false) MultipartFile channels,
            @RequestPart(name = "cases", required = false) MultipartFile cases,
            @RequestParam(name = "label", required = false) @Size(max = 200) String label) {
        EgovPrincipal who = admin(jwt);
        CatalogueImport.Files files = new CatalogueImport.Files(
                text("procedures", procedures),
                text("documents", documents),
                text("offerings", offerings),
                text("channels", channels),
                text("cases", cases));
        return ResponseEntity.status(HttpStatus.CREATED).body(imports.load(who.subject(), label, files));
    }

    @GetMapping
    @Operation(summary = "The catalogue's versions, newest first (system administrator)")
    Map<String, List<CatalogueImport.Result>> versions(@AuthenticationPrincipal Jwt jwt) {
        admin(jwt);
        return Map.of("items", imports.versions(100));
    }

    private static EgovPrincipal admin(Jwt jwt) {
        EgovPrincipal who = EgovPrincipal.from(jwt);
        if (!who.hasRole("SYSTEM_ADMIN") || who.subject() == null) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "catalogue-forbidden");
        }
        return who;
    }

    /** The part as text: UTF-8 and no larger than the limit; null when the part was not sent. */
    private static String text(String name, MultipartFile part) {
        if (part == null) {
            return null;
        }
        if (part.getSize() > CatalogueImport.MAX_FILE_BYTES) {
            throw new ApiProblem(
                    HttpStatus.CONTENT_TOO_LARGE, "catalogue-file-too-large", CatalogueImport.MAX_FILE_BYTES);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(part.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            CatalogueImport.Errors errors = new CatalogueImport.Errors();
            errors.add(name, 1, "", "file-not-utf8");
            throw errors.problem();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
