package vn.egov.dossier.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.ApiProblem;
import vn.egov.dossier.identity.AgencyRegistry;
import vn.egov.dossier.identity.IdentityProfiles;

/**
 * Loads procedures, their required documents and the agencies that offer them from CSV files (decision 53): every
 * row is checked first and every error is reported by file, row and column (422 {@code catalogue-invalid}); only a
 * file without any error is applied, in one transaction, as a new version of the catalogue. Agencies are checked
 * against identity-service's registry, whose names they take. The file formats are in the service README.
 */
@Service
public class CatalogueImport {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImport.class);

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5000;
    static final int MAX_CELL = 2000;
    /** Errors reported in one answer; {@code errorCount} says how many there were. */
    static final int MAX_ERRORS = 200;

    static final List<String> PROCEDURE_COLUMNS = List.of(
            "code",
            "name_vi",
            "name_en",
            "sector_code",
            "level",
            "time_limit_amount",
            "time_limit_unit",
            "time_limit_source",
            "fee_vnd",
            "fee_source",
            "mode",
            "required_loa",
            "active");
    static final Set<String> PROCEDURE_REQUIRED = Set.of(
            "code",
            "name_vi",
            "sector_code",
            "level",
            "time_limit_amount",
            "time_limit_unit",
            "time_limit_source",
            "fee_vnd",
            "mode",
            "required_loa");
    static final List<String> DOCUMENT_COLUMNS = List.of(
            "procedure_code",
            "code",
            "name_vi",
            "name_en",
            "mandatory",
            "allowed_types",
            "originals",
            "copies",
            "only_if_not_in_state_data",
            "cases");
    static final Set<String> DOCUMENT_REQUIRED =
            Set.of("procedure_code", "code", "name_vi", "mandatory", "allowed_types");
    static final List<String> OFFERING_COLUMNS = List.of(
            "procedure_code",
            "agency_code",
            "receives_online",
            "fee_vnd",
            "processing_days",
            "mode",
            "valid_from",
            "valid_to",
            "source",
            "received_by");
    static final Set<String> OFFERING_REQUIRED = Set.of("procedure_code", "agency_code");
    static final List<String> CHANNEL_COLUMNS = List.of(
            "procedure_code",
            "agency_code",
            "channel",
            "fee_vnd",
            "time_limit_amount",
            "time_limit_unit",
            "fee_source",
            "time_limit_source",
            "case_code",
            "valid_from",
            "valid_to");
    static final Set<String> CHANNEL_REQUIRED = Set.of("procedure_code", "channel");
    static final List<String> CASE_COLUMNS = List.of(
            "procedure_code",
            "code",
            "name_vi",
            "name_en",
            "fee_vnd",
            "time_limit_amount",
            "time_limit_unit",
            "fee_source",
            "time_limit_source");
    static final Set<String> CASE_REQUIRED = Set.of("procedure_code", "code", "name_vi");

    private static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9]{1,2}\\.[0-9]{6}");
    private static final Pattern DOCUMENT_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Set<String> LEVELS = Set.of("MINISTRY", "PROVINCE", "COMMUNE");
    private static final Set<String> UNITS = Set.of("WORKING_DAYS", "HALF_DAYS", "WORKING_HOURS", "SAME_DAY");
    private static final Set<String> MODES = Set.of("FULL_ONLINE", "PARTIAL_ONLINE");
    private static final Set<String> CHANNELS = Set.of("ONLINE", "DIRECT", "POSTAL");
    private static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final long MAX_FEE = 1_000_000_000L;

    /** The files of one import, as text (null: not part of it). */
    public record Files(String procedures, String documents, String offerings, String channels, String cases) {

        /** Without cases (decision 58). */
        public Files(String procedures, String documents, String offerings, String channels) {
            this(procedures, documents, offerings, channels, null);
        }
    }

    /** What an import did: the version it made and what it wrote. */
    public record Result(
            int version,
            String label,
            Instant importedAt,
            String importedBy,
            int procedures,
            int documents,
            int offerings,
            int channels,
            int cases,
            int created,
            int updated) {}

    private record ProcedureRow(
            int line,
            String code,
            String nameVi,
            String nameEn,
            String sector,
            String level,
            int amount,
            String unit,
            String limitSource,
            long fee,
            String feeSource,
            String mode,
            int loa,
            boolean active) {}

    private record DocumentRow(
            String procedure,
            String code,
            String nameVi,
            String nameEn,
            boolean mandatory,
            List<String> types,
            int originals,
            int copies,
            boolean onlyIfNotInStateData,
            List<String> cases) {}

    private record OfferingRow(
            String procedure,
            String agency,
            String agencyName,
            boolean online,
            Long fee,
            Integer days,
            String mode,
            LocalDate from,
            LocalDate to,
            String source,
            String receivedBy,
            String receivedByName) {}

    private record ChannelRow(
            String procedure,
            String agency,
            String channel,
            Long fee,
            Integer amount,
            String unit,
            String feeSource,
            String limitSource,
            String caseCode,
            LocalDate from,
            LocalDate to) {}

    private record CaseRow(
            int line,
            String procedure,
            String code,
            String nameVi,
            String nameEn,
            Long fee,
            Integer amount,
            String unit,
            String feeSource,
            String limitSource) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgencyRegistry registry;
    private final JsonMapper json;
    private final Clock clock;

    CatalogueImport(
            JdbcClient jdbc, TransactionTemplate transactions, AgencyRegistry registry, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    /** Checks the files, then applies them as one new version; nothing is written when anything is wrong. */
    public Result load(String importedBy, String label, Files files) {
        return load(importedBy, label, files, false).orElseThrow();
    }

    /**
     * The same as the first version only: when the catalogue already has a version (another instance loaded it), nothing
     * is written and the answer is empty.
     */
    public Optional<Result> loadFirst(String importedBy, String label, Files files) {
        return load(importedBy, label, files, true);
    }

    private Optional<Result> load(String importedBy, String label, Files files, boolean firstOnly) {
        Errors errors = new Errors();
        if (files.procedures() == null
                && files.documents() == null
                && files.offerings() == null
                && files.channels() == null
                && files.cases() == null) {
            errors.add("procedures", 0, "", "no-file");
            throw errors.problem();
        }
        CsvTable procedures = table("procedures", files.procedures(), PROCEDURE_COLUMNS, PROCEDURE_REQUIRED, errors);
        CsvTable documents = table("documents", files.documents(), DOCUMENT_COLUMNS, DOCUMENT_REQUIRED, errors);
        CsvTable offerings = table("offerings", files.offerings(), OFFERING_COLUMNS, OFFERING_REQUIRED, errors);
        CsvTable channels = table("channels", files.channels(), CHANNEL_COLUMNS, CHANNEL_REQUIRED, errors);
        CsvTable cases = table("cases", files.cases(), CASE_COLUMNS, CASE_REQUIRED, errors);

        Set<String> sectors = new HashSet<>(
                jdbc.sql("select code from sector").query(String.class).list());
        Set<String> existing = new HashSet<>(
                jdbc.sql("select code from procedure").query(String.class).list());
        Map<String, ProcedureRow> procedureRows =
                procedures == null ? Map.of() : procedures(procedures, sectors, errors);
        // documents and offerings may name any procedure of the file, even one whose row has errors (reported there)
        Set<String> known = new HashSet<>(existing);
        if (procedures != null) {
            procedures.rows().forEach(row -> known.add(row.get("code")));
        }
        Map<String, List<CaseRow>> caseRows = cases == null ? Map.of() : cases(cases, known, errors);
        Map<String, Set<String>> casesOf = casesOf(caseRows);
        Map<String, List<DocumentRow>> documentRows =
                documents == null ? Map.of() : documents(documents, known, casesOf, errors);
        Map<String, List<OfferingRow>> offeringRows =
                offerings == null ? Map.of() : offerings(offerings, known, agencies(offerings), errors);
        Map<String, List<ChannelRow>> channelRows =
                channels == null ? Map.of() : channels(channels, known, offeredBy(offeringRows), casesOf, errors);
        stillUsed(caseRows, documentRows, channelRows, casesOf, errors);
        // a procedure new to the catalogue must say who offers it
        for (ProcedureRow p : procedureRows.values()) {
            if (!existing.contains(p.code()) && !offeringRows.containsKey(p.code())) {
                errors.add("procedures", p.line(), "code", "no-agency", p.code());
            }
        }
        if (!errors.isEmpty()) {
            throw errors.problem();
        }
        String label0 = label == null || label.isBlank() ? "Nhập danh mục" : label.strip();
        Instant now = Instant.now(clock);
        Result result = transactions.execute(tx -> apply(
                importedBy,
                label0,
                now,
                files,
                procedureRows,
                documentRows,
                offeringRows,
                channelRows,
                caseRows,
                firstOnly));
        if (result == null) {
            return Optional.empty();
        }
        log.info(
                "Catalogue version {} imported: {} procedures ({} new), {} documents, {} offerings, {} channel terms,"
                        + " {} cases",
                result.version(),
                result.procedures(),
                result.created(),
                result.documents(),
                result.offerings(),
                result.channels(),
                result.cases());
        return Optional.of(result);
    }

    /** Every import so far, newest first (without the files). */
    public List<Result> versions(int limit) {
        return jdbc.sql("""
                        select version, label, imported_at, imported_by, procedures, documents, offerings, channels,
                               cases, created, updated
                        from catalogue_version order by version desc limit ?""")
                .param(limit)
                .query((rs, i) -> new Result(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getInt(9),
                        rs.getInt(10),
                        rs.getInt(11)))
                .list();
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    private static CsvTable table(String file, String text, List<String> columns, Set<String> required, Errors errors) {
        if (text == null) {
            return null;
        }
        CsvTable.Parsed parsed = CsvTable.parse(text, MAX_ROWS, MAX_CELL);
        if (parsed.unreadable() != null) {
            errors.add(
                    file,
                    parsed.unreadable().line(),
                    "",
                    "file-" + parsed.unreadable().code(),
                    MAX_ROWS,
                    MAX_CELL);
            return null;
        }
        CsvTable table = parsed.table();
        boolean usable = true;
        for (String column : table.header()) {
            if (!columns.contains(column)) {
                errors.add(file, 1, column, "unknown-column", String.join(", ", columns));
                usable = false;
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : table.header()) {
            if (!seen.add(column)) {
                errors.add(file, 1, column, "duplicate-column");
                usable = false;
            }
        }
        for (String column : columns) {
            if (required.contains(column) && !table.header().contains(column)) {
                errors.add(file, 1, column, "missing-column");
                usable = false;
            }
        }
        return usable ? table : null;
    }

    private static Map<String, ProcedureRow> procedures(CsvTable table, Set<String> sectors, Errors errors) {
        Map<String, ProcedureRow> rows = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            Cells c = new Cells("procedures", row, errors);
            String code = c.matching("code", PROCEDURE_CODE);
            String nameVi = c.text("name_vi", 500, true);
            String nameEn = c.text("name_en", 500, false);
            String sector = c.text("sector_code", 40, true);
            if (sector != null && !sectors.contains(sector)) {
                c.error("sector_code", "unknown-sector", sector);
            }
            String level = c.oneOf("level", LEVELS, true);
            String unit = c.oneOf("time_limit_unit", UNITS, true);
            Long amount = c.number("time_limit_amount", 0, 365, true);
            if ("SAME_DAY".equals(unit) && amount != null && amount != 1) {
                c.error("time_limit_amount", "same-day-amount");
            }
            String limitSource = c.text("time_limit_source", 500, true);
            Long fee = c.number("fee_vnd", 0, MAX_FEE, true);
            String feeSource = c.text("fee_source", 500, false);
            if (fee != null && fee > 0 && feeSource == null) {
                c.error("fee_source", "fee-source-required");
            }
            String mode = c.oneOf("mode", MODES, true);
            Long loa = c.number("required_loa", 1, 2, true);
            Boolean active = c.bool("active", true);
            if (code != null && !seen.add(code)) {
                c.error("code", "duplicate-row", code);
            }
            if (c.ok()) {
                rows.put(
                        code,
                        new ProcedureRow(
                                row.line(),
                                code,
                                nameVi,
                                nameEn,
                                sector,
                                level,
                                amount.intValue(),
                                unit,
                                limitSource,
                                fee,
                                feeSource,
                                mode,
                                loa.intValue(),
                                active));
            }
        }
        return rows;
    }

    private static Map<String, List<DocumentRow>> documents(
            CsvTable table, Set<String> known, Map<String, Set<String>> casesOf, Errors errors) {
        Map<String, List<DocumentRow>> rows = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            Cells c = new Cells("documents", row, errors);
            String procedure = c.procedure(known);
            String code = c.matching("code", DOCUMENT_CODE);
            String nameVi = c.text("name_vi", 500, true);
            String nameEn = c.text("name_en", 500, false);
            Boolean mandatory = c.bool("mandatory", null);
            List<String> types = c.types("allowed_types");
            Long originals = c.number("originals", 0, 20, false);
            Long copies = c.number("copies", 0, 20, false);
            Boolean onlyIfMissing = c.bool("only_if_not_in_state_data", false);
            List<String> inCases = c.cases("cases", procedure, casesOf);
            if (procedure != null && code != null && !seen.add(procedure + "/" + code)) {
                c.error("code", "duplicate-row", code);
            }
            if (c.ok()) {
                rows.computeIfAbsent(procedure, k -> new ArrayList<>())
                        .add(new DocumentRow(
                                procedure,
                                code,
                                nameVi,
                                nameEn,
                                mandatory,
                                types,
                                originals == null ? 1 : originals.intValue(),
                                copies == null ? 0 : copies.intValue(),
                                onlyIfMissing,
                                inCases));
            }
        }
        return rows;
    }

    private Map<String, AgencyRegistry.Agency> agencies(CsvTable offerings) {
        if (offerings.rows().isEmpty()) {
            return Map.of();
        }
        try {
            return registry.all();
        } catch (IdentityProfiles.IdentityUnavailableException e) {
            log.warn("Catalogue import refused: {}", e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "agency-registry-unavailable");
        }
    }

    private static Map<String, List<OfferingRow>> offerings(
            CsvTable table, Set<String> known, Map<String, AgencyRegistry.Agency> agencies, Errors errors) {
        Map<String, List<OfferingRow>> rows = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            Cells c = new Cells("offerings", row, errors);
            String procedure = c.procedure(known);
            String agency = c.text("agency_code", 32, true);
            if (agency != null && !agencies.containsKey(agency)) {
                c.error("agency_code", "unknown-agency", agency);
            }
            Boolean online = c.bool("receives_online", true);
            Long fee = c.number("fee_vnd", 0, MAX_FEE, false);
            Long days = c.number("processing_days", 0, 365, false);
            String mode = c.oneOf("mode", MODES, false);
            LocalDate from = c.date("valid_from");
            LocalDate to = c.date("valid_to");
            if (from != null && to != null && to.isBefore(from)) {
                c.error("valid_to", "dates-reversed");
            }
            String source = c.text("source", 500, false);
            if (procedure != null && agency != null && !seen.add(procedure + "/" + agency)) {
                c.error("agency_code", "duplicate-row", agency);
            }
            // a service centre of the agency's province receives its online dossiers (decision 61)
            String receivedBy = c.text("received_by", 32, false);
            if (receivedBy != null) {
                AgencyRegistry.Agency centre = agencies.get(receivedBy);
                if (centre == null) {
                    c.error("received_by", "unknown-agency", receivedBy);
                } else if (!centre.receivesForOthers()) {
                    c.error("received_by", "not-a-service-centre", receivedBy);
                } else if (receivedBy.equals(agency)) {
                    c.error("received_by", "received-by-itself", receivedBy);
                } else if (agency != null && !AgencyRegistry.sameProvince(receivedBy, agency)) {
                    c.error("received_by", "agency-of-another-province", receivedBy);
                } else if (Boolean.FALSE.equals(online)) {
                    c.error("received_by", "received-by-but-not-online", receivedBy);
                }
            }
            if (c.ok()) {
                rows.computeIfAbsent(procedure, k -> new ArrayList<>())
                        .add(new OfferingRow(
                                procedure,
                                agency,
                                agencies.get(agency).name(),
                                online,
                                fee,
                                days == null ? null : days.intValue(),
                                mode,
                                from,
                                to,
                                source,
                                receivedBy,
                                receivedBy == null
                                        ? null
                                        : agencies.get(receivedBy).name()));
            }
        }
        return rows;
    }

    /**
     * Who offers each procedure once the import is applied: the file's offerings replace a procedure's, the others keep
     * the catalogue's.
     */
    private Map<String, Set<String>> offeredBy(Map<String, List<OfferingRow>> offerings) {
        Map<String, Set<String>> offered = new HashMap<>();
        jdbc.sql("select procedure_code, agency_code from procedure_offering")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> offered.computeIfAbsent(e.getKey(), k -> new HashSet<>())
                        .add(e.getValue()));
        offerings.forEach((procedure, rows) -> offered.put(
                procedure, rows.stream().map(OfferingRow::agency).collect(java.util.stream.Collectors.toSet())));
        return offered;
    }

    /**
     * A channel's fee and time limit (decision 56): at least one of them, each with its legal source; an agency's own
     * row names an agency that offers the procedure.
     */
    private static Map<String, List<ChannelRow>> channels(
            CsvTable table,
            Set<String> known,
            Map<String, Set<String>> offeredBy,
            Map<String, Set<String>> casesOf,
            Errors errors) {
        Map<String, List<ChannelRow>> rows = new LinkedHashMap<>();
        Map<String, List<LocalDate[]>> periods = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Cells c = new Cells("channels", row, errors);
            String procedure = c.procedure(known);
            String agency = c.text("agency_code", 32, false);
            if (procedure != null
                    && agency != null
                    && !offeredBy.getOrDefault(procedure, Set.of()).contains(agency)) {
                c.error("agency_code", "agency-does-not-offer", agency);
            }
            String channel = c.oneOf("channel", CHANNELS, true);
            Long fee = c.number("fee_vnd", 0, MAX_FEE, false);
            Long amount = c.number("time_limit_amount", 0, 365, false);
            String unit = c.oneOf("time_limit_unit", UNITS, false);
            String feeSource = c.text("fee_source", 500, false);
            String limitSource = c.text("time_limit_source", 500, false);
            List<String> forCase = c.cases("case_code", procedure, casesOf);
            if (forCase != null && forCase.size() > 1) {
                c.error("case_code", "invalid-code", String.join("|", forCase));
            }
            String caseCode = forCase == null || forCase.size() != 1 ? null : forCase.get(0);
            LocalDate from = c.date("valid_from");
            LocalDate to = c.date("valid_to");
            if (from != null && to != null && to.isBefore(from)) {
                c.error("valid_to", "dates-reversed");
            }
            if (c.ok() && fee == null && amount == null && unit == null) {
                c.error("fee_vnd", "channel-changes-nothing");
            }
            c.terms(fee, amount, unit, feeSource, limitSource);
            // the same terms twice for a day: two rows of one procedure, agency, channel and case whose periods overlap
            String key = procedure + "/" + agency + "/" + channel + "/" + caseCode;
            if (procedure != null && channel != null && c.ok()) {
                List<LocalDate[]> before = periods.computeIfAbsent(key, k -> new ArrayList<>());
                if (before.stream().anyMatch(p -> overlap(p[0], p[1], from, to))) {
                    c.error("valid_from", "periods-overlap", channel);
                }
                before.add(new LocalDate[] {from, to});
            }
            if (c.ok()) {
                rows.computeIfAbsent(procedure, k -> new ArrayList<>())
                        .add(new ChannelRow(
                                procedure,
                                agency,
                                channel,
                                fee,
                                limitAmount(amount, unit),
                                unit,
                                feeSource,
                                limitSource,
                                caseCode,
                                from,
                                to));
            }
        }
        return rows;
    }

    /** A time limit's amount as stored: the one given, else 1 for SAME_DAY, else none. */
    private static Integer limitAmount(Long amount, String unit) {
        return amount != null
                ? Integer.valueOf(amount.intValue())
                : "SAME_DAY".equals(unit) ? Integer.valueOf(1) : null;
    }

    /** Two periods (null ends: open) share a day. */
    private static boolean overlap(LocalDate from1, LocalDate to1, LocalDate from2, LocalDate to2) {
        boolean firstEndsBefore = to1 != null && from2 != null && to1.isBefore(from2);
        boolean secondEndsBefore = to2 != null && from1 != null && to2.isBefore(from1);
        return !firstEndsBefore && !secondEndsBefore;
    }

    /**
     * The cases of a procedure (decision 58): a code and a name; a fee or time limit only with its legal source, as for
     * a channel. A procedure in the file has exactly the cases the file lists.
     */
    private static Map<String, List<CaseRow>> cases(CsvTable table, Set<String> known, Errors errors) {
        Map<String, List<CaseRow>> rows = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            Cells c = new Cells("cases", row, errors);
            String procedure = c.procedure(known);
            String code = c.matching("code", DOCUMENT_CODE);
            String nameVi = c.text("name_vi", 500, true);
            String nameEn = c.text("name_en", 500, false);
            Long fee = c.number("fee_vnd", 0, MAX_FEE, false);
            Long amount = c.number("time_limit_amount", 0, 365, false);
            String unit = c.oneOf("time_limit_unit", UNITS, false);
            String feeSource = c.text("fee_source", 500, false);
            String limitSource = c.text("time_limit_source", 500, false);
            c.terms(fee, amount, unit, feeSource, limitSource);
            if (procedure != null && code != null && !seen.add(procedure + "/" + code)) {
                c.error("code", "duplicate-row", code);
            }
            if (c.ok()) {
                rows.computeIfAbsent(procedure, k -> new ArrayList<>())
                        .add(new CaseRow(
                                row.line(),
                                procedure,
                                code,
                                nameVi,
                                nameEn,
                                fee,
                                limitAmount(amount, unit),
                                unit,
                                feeSource,
                                limitSource));
            }
        }
        return rows;
    }

    /** The cases each procedure has once the import is applied: the file's replace a procedure's, others keep theirs. */
    private Map<String, Set<String>> casesOf(Map<String, List<CaseRow>> cases) {
        Map<String, Set<String>> all = new HashMap<>();
        jdbc.sql("select procedure_code, code from procedure_case")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e ->
                        all.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        cases.forEach((procedure, rows) ->
                all.put(procedure, rows.stream().map(CaseRow::code).collect(java.util.stream.Collectors.toSet())));
        return all;
    }

    /**
     * A procedure whose cases the file replaces must not keep a document or a channel's terms, outside the file, that
     * name a case it drops: reported on the procedure's first row in the cases file.
     */
    private void stillUsed(
            Map<String, List<CaseRow>> cases,
            Map<String, List<DocumentRow>> documents,
            Map<String, List<ChannelRow>> channels,
            Map<String, Set<String>> casesOf,
            Errors errors) {
        for (Map.Entry<String, List<CaseRow>> entry : cases.entrySet()) {
            String procedure = entry.getKey();
            Set<String> kept = casesOf.getOrDefault(procedure, Set.of());
            List<String> using = new ArrayList<>();
            if (!documents.containsKey(procedure)) {
                jdbc
                        .sql(
                                "select code, cases from procedure_document where procedure_code = ? and cases is not null")
                        .param(procedure)
                        .query((rs, i) -> Map.entry(rs.getString(1), Arrays.asList((String[])
                                rs.getArray(2).getArray())))
                        .list()
                        .stream()
                        .filter(e -> !kept.containsAll(e.getValue()))
                        .forEach(e -> using.add(e.getKey()));
            }
            if (!channels.containsKey(procedure)) {
                jdbc
                        .sql(
                                "select channel, case_code from procedure_channel where procedure_code = ? and case_code is not null")
                        .param(procedure)
                        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list()
                        .stream()
                        .filter(e -> !kept.contains(e.getValue()))
                        .forEach(e -> using.add(e.getKey() + "/" + e.getValue()));
            }
            if (!using.isEmpty()) {
                errors.add(
                        "cases", entry.getValue().get(0).line(), "code", "case-still-used", String.join(", ", using));
            }
        }
    }

    // ---- applying ----------------------------------------------------------------------------------------------

    private Result apply(
            String who,
            String label,
            Instant now,
            Files files,
            Map<String, ProcedureRow> procedures,
            Map<String, List<DocumentRow>> documents,
            Map<String, List<OfferingRow>> offerings,
            Map<String, List<ChannelRow>> channels,
            Map<String, List<CaseRow>> cases,
            boolean firstOnly) {
        // one import at a time: the version numbers follow each other, and the second sees the first's rows
        jdbc.sql("lock table catalogue_version in exclusive mode").update();
        if (firstOnly
                && jdbc.sql("select exists (select 1 from catalogue_version)")
                        .query(Boolean.class)
                        .single()) {
            return null;
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from catalogue_version")
                .query(Integer.class)
                .single();
        // what is new, as of now that no other import runs (one read, not one per row)
        Set<String> before = new HashSet<>(
                jdbc.sql("select code from procedure").query(String.class).list());
        int created = 0;
        for (ProcedureRow p : procedures.values()) {
            created += before.contains(p.code()) ? 0 : 1;
            OfferingRow first = offerings.getOrDefault(p.code(), List.of()).stream()
                    .findFirst()
                    .orElse(null);
            jdbc.sql("""
                            insert into procedure (code, name_vi, name_en, agency_code, agency_name, level, processing_days,
                                                   fee_vnd, mode, required_loa, search_text, active, sector_code,
                                                   time_limit_unit, time_limit_source, fee_source, catalogue_version)
                            values (:code, :nameVi, :nameEn, :agency, :agencyName, :level, :amount, :fee, :mode, :loa,
                                    :search, :active, :sector, :unit, :limitSource, :feeSource, :version)
                            on conflict (code) do update set
                                name_vi = excluded.name_vi, name_en = excluded.name_en, level = excluded.level,
                                processing_days = excluded.processing_days, fee_vnd = excluded.fee_vnd,
                                mode = excluded.mode, required_loa = excluded.required_loa,
                                search_text = excluded.search_text, active = excluded.active,
                                sector_code = excluded.sector_code, time_limit_unit = excluded.time_limit_unit,
                                time_limit_source = excluded.time_limit_source, fee_source = excluded.fee_source,
                                catalogue_version = excluded.catalogue_version""")
                    .param("code", p.code())
                    .param("nameVi", p.nameVi())
                    .param("nameEn", p.nameEn())
                    // a new procedure has an offering (checked); an existing one keeps its agency until below
                    .param("agency", first == null ? "" : first.agency())
                    .param("agencyName", first == null ? "" : first.agencyName())
                    .param("level", p.level())
                    .param("amount", p.amount())
                    .param("fee", p.fee())
                    .param("mode", p.mode())
                    .param("loa", p.loa())
                    .param(
                            "search",
                            ProcedureSearch.unaccent(p.nameVi() + (p.nameEn() == null ? "" : " " + p.nameEn())))
                    .param("active", p.active())
                    .param("sector", p.sector())
                    .param("unit", p.unit())
                    .param("limitSource", p.limitSource())
                    .param("feeSource", p.feeSource())
                    .param("version", version)
                    .update();
        }
        int caseCount = 0;
        for (Map.Entry<String, List<CaseRow>> entry : cases.entrySet()) {
            jdbc.sql("delete from procedure_case where procedure_code = ?")
                    .param(entry.getKey())
                    .update();
            int position = 1;
            for (CaseRow c : entry.getValue()) {
                jdbc.sql("""
                                insert into procedure_case (procedure_code, code, name_vi, name_en, fee_vnd,
                                                            time_limit_amount, time_limit_unit, fee_source,
                                                            time_limit_source, position, catalogue_version)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                c.procedure(),
                                c.code(),
                                c.nameVi(),
                                c.nameEn(),
                                c.fee(),
                                c.amount(),
                                c.unit(),
                                c.feeSource(),
                                c.limitSource(),
                                position++,
                                version)
                        .update();
                caseCount++;
            }
        }
        int documentCount = 0;
        for (Map.Entry<String, List<DocumentRow>> entry : documents.entrySet()) {
            jdbc.sql("delete from procedure_document where procedure_code = ?")
                    .param(entry.getKey())
                    .update();
            int position = 1;
            for (DocumentRow d : entry.getValue()) {
                jdbc.sql("""
                                insert into procedure_document (procedure_code, code, name_vi, name_en, mandatory,
                                                                allowed_types, position, originals, copies,
                                                                only_if_not_in_state_data, cases)
                                values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?::text[])""")
                        .params(
                                d.procedure(),
                                d.code(),
                                d.nameVi(),
                                d.nameEn(),
                                d.mandatory(),
                                "{" + String.join(",", d.types()) + "}",
                                position++,
                                d.originals(),
                                d.copies(),
                                d.onlyIfNotInStateData(),
                                d.cases() == null ? null : "{" + String.join(",", d.cases()) + "}")
                        .update();
                documentCount++;
            }
        }
        int offeringCount = 0;
        for (Map.Entry<String, List<OfferingRow>> entry : offerings.entrySet()) {
            jdbc.sql("delete from procedure_offering where procedure_code = ?")
                    .param(entry.getKey())
                    .update();
            int position = 1;
            for (OfferingRow o : entry.getValue()) {
                jdbc.sql("""
                                insert into procedure_offering (procedure_code, agency_code, agency_name, receives_online,
                                                                fee_vnd, processing_days, mode, valid_from, valid_to,
                                                                source, position, catalogue_version, received_by,
                                                                received_by_name)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                o.procedure(),
                                o.agency(),
                                o.agencyName(),
                                o.online(),
                                o.fee(),
                                o.days(),
                                o.mode(),
                                o.from(),
                                o.to(),
                                o.source(),
                                position++,
                                version,
                                o.receivedBy(),
                                o.receivedByName())
                        .update();
                // the working hours the deadlines count in: the default until the agency's are entered (V20)
                jdbc.sql("""
                                insert into agency_working_hours (agency_code, periods, source)
                                values (?, '07:30-11:30,13:30-17:00', ?) on conflict (agency_code) do nothing""")
                        .params(o.agency(), "Giờ làm việc mặc định (danh mục phiên bản " + version + ")")
                        .update();
                offeringCount++;
            }
            OfferingRow first = entry.getValue().get(0);
            jdbc.sql("update procedure set agency_code = ?, agency_name = ? where code = ?")
                    .params(first.agency(), first.agencyName(), entry.getKey())
                    .update();
        }
        int channelCount = 0;
        for (Map.Entry<String, List<ChannelRow>> entry : channels.entrySet()) {
            jdbc.sql("delete from procedure_channel where procedure_code = ?")
                    .param(entry.getKey())
                    .update();
            for (ChannelRow t : entry.getValue()) {
                jdbc.sql("""
                                insert into procedure_channel (procedure_code, agency_code, channel, fee_vnd,
                                                               time_limit_amount, time_limit_unit, fee_source,
                                                               time_limit_source, catalogue_version, case_code,
                                                               valid_from, valid_to)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                t.procedure(),
                                t.agency(),
                                t.channel(),
                                t.fee(),
                                t.amount(),
                                t.unit(),
                                t.feeSource(),
                                t.limitSource(),
                                version,
                                t.caseCode(),
                                t.from(),
                                t.to())
                        .update();
                channelCount++;
            }
        }
        Map<String, String> received = new LinkedHashMap<>();
        if (files.procedures() != null) {
            received.put("procedures", files.procedures());
        }
        if (files.documents() != null) {
            received.put("documents", files.documents());
        }
        if (files.offerings() != null) {
            received.put("offerings", files.offerings());
        }
        if (files.channels() != null) {
            received.put("channels", files.channels());
        }
        if (files.cases() != null) {
            received.put("cases", files.cases());
        }
        String content = json.writeValueAsString(received);
        jdbc.sql("""
                        insert into catalogue_version (version, label, imported_at, imported_by, sha256, procedures,
                                                       documents, offerings, channels, cases, created, updated, files)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        version,
                        label,
                        java.sql.Timestamp.from(now),
                        who,
                        sha256(content),
                        procedures.size(),
                        documentCount,
                        offeringCount,
                        channelCount,
                        caseCount,
                        created,
                        procedures.size() - created,
                        content)
                .update();
        return new Result(
                version,
                label,
                now,
                who,
                procedures.size(),
                documentCount,
                offeringCount,
                channelCount,
                caseCount,
                created,
                procedures.size() - created);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    /** Every error found, in the order of the files and rows: field {@code <file>[<row>].<column>}. */
    static final class Errors {
        private final List<ApiProblem.FieldError> errors = new ArrayList<>();
        private int count;

        void add(String file, int line, String column, String code, Object... args) {
            count++;
            if (errors.size() < MAX_ERRORS) {
                Object[] all = new Object[args.length + 2];
                all[0] = line;
                all[1] = column;
                System.arraycopy(args, 0, all, 2, args.length);
                String field = file + "[" + line + "]" + (column.isEmpty() ? "" : "." + column);
                errors.add(ApiProblem.FieldError.keyed(field, code, "validation.catalogue." + code, all));
            }
        }

        boolean isEmpty() {
            return count == 0;
        }

        ApiProblem problem() {
            return new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT, "catalogue-invalid", errors, Map.of("errorCount", count), count);
        }
    }

    /** The cells of one row, each read and checked once; what is wrong goes to {@link Errors}. */
    private static final class Cells {
        private final String file;
        private final CsvTable.Row row;
        private final Errors errors;
        private final Set<String> bad = new LinkedHashSet<>();

        Cells(String file, CsvTable.Row row, Errors errors) {
            this.file = file;
            this.row = row;
            this.errors = errors;
        }

        void error(String column, String code, Object... args) {
            bad.add(column);
            errors.add(file, row.line(), column, code, args);
        }

        boolean ok() {
            return bad.isEmpty();
        }

        String text(String column, int max, boolean required) {
            String value = row.get(column);
            if (value.isEmpty()) {
                if (required) {
                    error(column, "required");
                }
                return null;
            }
            if (value.length() > max) {
                error(column, "too-long", max);
                return null;
            }
            return value;
        }

        String matching(String column, Pattern pattern) {
            String value = text(column, 64, true);
            if (value != null && !pattern.matcher(value).matches()) {
                error(column, "invalid-code", value);
                return null;
            }
            return value;
        }

        String oneOf(String column, Set<String> allowed, boolean required) {
            String value = text(column, 40, required);
            if (value != null && !allowed.contains(value)) {
                error(column, "not-one-of", value, String.join(", ", new java.util.TreeSet<>(allowed)));
                return null;
            }
            return value;
        }

        Long number(String column, long min, long max, boolean required) {
            String value = text(column, 20, required);
            if (value == null) {
                return null;
            }
            if (!value.matches("[0-9]{1,13}") || Long.parseLong(value) < min || Long.parseLong(value) > max) {
                error(column, "not-a-number", value, min, max);
                return null;
            }
            return Long.parseLong(value);
        }

        /** true or false; blank is {@code blank} (null: required). */
        Boolean bool(String column, Boolean blank) {
            String value = row.get(column);
            if (value.isEmpty()) {
                if (blank == null) {
                    error(column, "required");
                }
                return blank;
            }
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    error(column, "not-a-boolean", value);
                    yield blank;
                }
            };
        }

        LocalDate date(String column) {
            String value = text(column, 10, false);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "not-a-date", value);
                return null;
            }
        }

        List<String> types(String column) {
            String value = text(column, 200, true);
            if (value == null) {
                return List.of();
            }
            List<String> types =
                    List.of(value.split("\\|")).stream().map(String::strip).toList();
            for (String type : types) {
                if (!TYPES.contains(type)) {
                    error(column, "not-one-of", type, String.join(", ", new java.util.TreeSet<>(TYPES)));
                    return List.of();
                }
            }
            return types;
        }

        /**
         * Case codes separated by {@code |}, each one of the procedure's cases once the import is applied (null: blank,
         * every case).
         */
        List<String> cases(String column, String procedure, Map<String, Set<String>> casesOf) {
            String value = text(column, 500, false);
            if (value == null) {
                return null;
            }
            List<String> codes = List.of(value.split("\\|")).stream()
                    .map(String::strip)
                    .distinct()
                    .toList();
            if (procedure == null) {
                return codes;
            }
            Set<String> known = casesOf.getOrDefault(procedure, Set.of());
            for (String code : codes) {
                if (!known.contains(code)) {
                    error(column, "unknown-case", code);
                    return null;
                }
            }
            return codes;
        }

        /**
         * A fee and a time limit as a channel or a case sets them: each with its legal source; SAME_DAY is 1, another
         * unit needs its amount.
         */
        void terms(Long fee, Long amount, String unit, String feeSource, String limitSource) {
            if (fee != null && feeSource == null) {
                error("fee_source", "source-required");
            }
            if ((amount != null || unit != null) && limitSource == null) {
                error("time_limit_source", "source-required");
            }
            if ("SAME_DAY".equals(unit) && amount != null && amount != 1) {
                error("time_limit_amount", "same-day-amount");
            } else if (unit != null && !"SAME_DAY".equals(unit) && amount == null) {
                error("time_limit_amount", "required");
            }
        }

        /** The procedure a document or offering belongs to: in this import or already in the catalogue. */
        String procedure(Set<String> known) {
            String value = text("procedure_code", 64, true);
            if (value != null && !known.contains(value)) {
                error("procedure_code", "unknown-procedure", value);
                return null;
            }
            return value;
        }
    }
}
