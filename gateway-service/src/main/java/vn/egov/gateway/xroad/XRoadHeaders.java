package vn.egov.gateway.xroad;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * X-Road-style headers that ministry integrators send to say who is calling and why (as on the
 * Estonian X-Road and the Vietnamese NGSP/LGSP): {@code X-Road-Client} names the calling system as
 * {@code INSTANCE/MEMBER_CLASS/MEMBER_CODE[/SUBSYSTEM]}, {@code X-Road-UserId} the official acting
 * ({@code <country code><id>}, e.g. {@code VN001090000001}), {@code X-Road-Issue} the case the call is
 * made for. All are optional; when present they must be well formed, since they are logged and passed on.
 *
 * @param client  the calling system, or {@code null}
 * @param userId  whether an X-Road-UserId was sent: its value is personal data (usually a national id
 *                number), relayed to the service but never logged
 * @param issue   the case reference, or {@code null}
 */
public record XRoadHeaders(String client, boolean userId, String issue) {

    public static final String CLIENT = "X-Road-Client";
    public static final String USER_ID = "X-Road-UserId";
    public static final String ISSUE = "X-Road-Issue";
    static final String ATTR = XRoadHeaders.class.getName();

    private static final String PART = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    static final Pattern CLIENT_FORM = Pattern.compile(PART + "/" + PART + "/" + PART + "(/" + PART + ")?");
    static final Pattern USER_ID_FORM = Pattern.compile("[A-Z]{2}[A-Za-z0-9._-]{1,62}");
    static final Pattern ISSUE_FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/#-]{0,127}");

    /** The validated headers of this request, or {@code null} if it sent none or they were refused. */
    public static XRoadHeaders of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTR);
    }

    /**
     * Reads and checks the headers; empty when none is present.
     *
     * @throws IllegalArgumentException naming the malformed header (never echoing its value)
     */
    static Optional<XRoadHeaders> parse(HttpHeaders headers) {
        String client = single(headers, CLIENT, CLIENT_FORM);
        String userId = single(headers, USER_ID, USER_ID_FORM);
        String issue = single(headers, ISSUE, ISSUE_FORM);
        if (client == null && userId == null && issue == null) {
            return Optional.empty();
        }
        return Optional.of(new XRoadHeaders(client, userId != null, issue));
    }

    private static String single(HttpHeaders headers, String name, Pattern form) {
        List<String> values = headers.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() != 1 || !form.matcher(values.get(0)).matches()) {
            throw new IllegalArgumentException(name);
        }
        return values.get(0);
    }
}
