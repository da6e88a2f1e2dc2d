package vn.egov.dossier.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as RFC 4180 writes it (comma separated, fields with commas, quotes or line breaks in double quotes, a
 * quote doubled inside them; CRLF or LF; UTF-8 with or without a byte order mark), read into a header and rows.
 * Each row keeps the line of the file it starts on, so that an error names the row a spreadsheet shows.
 */
record CsvTable(List<String> header, List<Row> rows) {

    /** A data row: its line in the file (the header is line 1) and its cells by column name. */
    record Row(int line, Map<String, String> cells) {

        /** The cell, stripped; empty for a cell left blank or a column the file does not have. */
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    /** What is wrong with a file as a whole: the message key's code and the line where the parser stopped. */
    record Unreadable(String code, int line) {}

    /**
     * Parses {@code text}; a file that is not CSV (a quote never closed, a row with more cells than the header, more
     * than {@code maxRows} rows or a cell longer than {@code maxCell}) is {@link Unreadable}.
     */
    static Parsed parse(String text, int maxRows, int maxCell) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean atStart = true; // at the start of a record: nothing read for it yet
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                atStart = false;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                atStart = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!atStart) {
                    record.add(cell.toString());
                    records.add(record);
                    lines.add(recordLine);
                    if (records.size() > maxRows + 1) {
                        return new Parsed(null, new Unreadable("too-many-rows", recordLine));
                    }
                }
                record = new ArrayList<>();
                cell.setLength(0);
                atStart = true;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                atStart = false;
            }
            if (cell.length() > maxCell) {
                return new Parsed(null, new Unreadable("cell-too-long", recordLine));
            }
        }
        if (quoted) {
            return new Parsed(null, new Unreadable("quote-not-closed", recordLine));
        }
        if (!atStart) {
            record.add(cell.toString());
            records.add(record);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            return new Parsed(null, new Unreadable("no-header", 1));
        }
        if (records.size() > maxRows + 1) {
            return new Parsed(null, new Unreadable("too-many-rows", lines.get(maxRows + 1)));
        }
        List<String> header = records.get(0).stream()
                .map(String::strip)
                .map(String::toLowerCase)
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() > header.size()) {
                return new Parsed(null, new Unreadable("too-many-cells", lines.get(r)));
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                byColumn.put(header.get(c), cells.get(c));
            }
            if (byColumn.values().stream().allMatch(String::isBlank)) {
                continue; // an empty line a spreadsheet left at the end
            }
            rows.add(new Row(lines.get(r), byColumn));
        }
        return new Parsed(new CsvTable(header, rows), null);
    }

    /** Either a table or why there is none. */
    record Parsed(CsvTable table, Unreadable unreadable) {}
}
