package vn.egov.gateway.forwarding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which hops may speak for the client, and the client's address they report. The address is taken from
 * {@code X-Forwarded-For} read right to left: each trusted proxy appends the address it saw, so the first
 * entry from the right that is not a trusted proxy is the client; entries to its left were written by the
 * client itself and are never believed.
 */
final class TrustedProxies {

    /**
     * Address literals only (dotted IPv4, or IPv6 with its colons, which the JDK never looks up): a name
     * here would make the gateway resolve what a caller wrote.
     */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    static TrustedProxies of(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            String value = cidr.strip();
            if (value.isEmpty()) {
                continue;
            }
            int slash = value.indexOf('/');
            InetAddress network = literal(slash < 0 ? value : value.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "egov.gateway.forwarding.trusted-proxies: " + cidr + " is not an address range"));
            int bits = network.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(
                        "egov.gateway.forwarding.trusted-proxies: " + cidr + " has a prefix out of range");
            }
            ranges.add(new Range(network.getAddress(), prefix));
        }
        return new TrustedProxies(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(InetAddress address) {
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The client's address for a request from {@code hop} carrying these {@code X-Forwarded-For} values,
     * or empty when the hop is not trusted or the header says nothing usable (then the hop is the client).
     */
    Optional<InetAddress> client(InetAddress hop, List<String> forwardedFor) {
        if (!trusts(hop) || forwardedFor.isEmpty()) {
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                entries.add(entry.strip());
            }
        }
        InetAddress client = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> address = literal(entries.get(i));
            if (address.isEmpty()) {
                break; // garbage: believe nothing further left
            }
            client = address.get();
            if (!trusts(client)) {
                break;
            }
        }
        return Optional.ofNullable(client);
    }

    static Optional<InetAddress> literal(String text) {
        String value = text.strip();
        if (value.startsWith("[") && value.contains("]")) {
            value = value.substring(1, value.indexOf(']')); // [v6]:port
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':')); // v4:port
        }
        if (value.isEmpty()
                || !(IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
