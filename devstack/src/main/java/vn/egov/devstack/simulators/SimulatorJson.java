package vn.egov.devstack.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the simulators of outside parties speak, with no JSON library on purpose (they stand
 * for other parties' systems and should not share the services' serialisation): flat objects of
 * strings in, quoted strings out, and a JSON answer on a JDK {@link HttpExchange}.
 */
public final class SimulatorJson {

    private SimulatorJson() {}

    /** Parses a flat JSON object of strings (numbers and booleans come back as their text, null as null). */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = text.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException("not an object");
        }
        int[] pos = {1};
        skip(s, pos);
        if (s.charAt(pos[0]) == '}') {
            return out;
        }
        while (true) {
            String key = string(s, pos);
            skip(s, pos);
            expect(s, pos, ':');
            skip(s, pos);
            String value;
            if (s.charAt(pos[0]) == '"') {
                value = string(s, pos);
            } else {
                int start = pos[0];
                while (pos[0] < s.length() && ",}".indexOf(s.charAt(pos[0])) < 0) {
                    pos[0]++;
                }
                value = s.substring(start, pos[0]).strip();
                value = "null".equals(value) ? null : value;
            }
            out.put(key, value);
            skip(s, pos);
            if (s.charAt(pos[0]) == ',') {
                pos[0]++;
                skip(s, pos);
                continue;
            }
            expect(s, pos, '}');
            return out;
        }
    }

    private static String string(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(pos[0]++);
                switch (e) {
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                        pos[0] += 4;
                    }
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private static void skip(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
        if (pos[0] >= s.length()) {
            throw new IllegalArgumentException("truncated");
        }
    }

    private static void expect(String s, int[] pos, char c) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos[0]++;
    }

    /** {@code ?limit=N} of a sample listing, within 1–500; {@code fallback} when absent or not a number. */
    public static int limit(HttpExchange ex, int fallback) {
        String query = ex.getRequestURI().getQuery();
        if (query != null && query.startsWith("limit=")) {
            try {
                return Math.max(1, Math.min(500, Integer.parseInt(query.substring(6))));
            } catch (NumberFormatException ignored) {
                // keep the fallback
            }
        }
        return fallback;
    }

    /** A JSON string literal for {@code s}, or {@code null}. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Answers {@code json} (or no body when null) and closes the exchange; a caller that left is ignored. */
    public static void respond(HttpExchange ex, int status, String json) throws IOException {
        try {
            if (json == null) {
                ex.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                ex.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // the caller timed out and left
        } finally {
            ex.close();
        }
    }
}
