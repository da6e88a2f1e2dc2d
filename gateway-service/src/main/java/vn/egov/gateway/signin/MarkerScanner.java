package vn.egov.gateway.signin;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * Finds a byte sequence in a body that arrives in buffers (a match may straddle two), without copying or holding the
 * body: Knuth–Morris–Pratt over each buffer's readable bytes, which it leaves unread.
 */
final class MarkerScanner {

    private final byte[] marker;
    private final int[] fallback;
    private int matched;
    private boolean found;

    MarkerScanner(String marker) {
        this.marker = marker.getBytes(StandardCharsets.UTF_8);
        if (this.marker.length == 0) {
            throw new IllegalArgumentException("an empty marker");
        }
        this.fallback = new int[this.marker.length];
        for (int i = 1, k = 0; i < this.marker.length; i++) {
            while (k > 0 && this.marker[i] != this.marker[k]) {
                k = fallback[k - 1];
            }
            if (this.marker[i] == this.marker[k]) {
                k++;
            }
            fallback[i] = k;
        }
    }

    void feed(DataBuffer buffer) {
        for (int i = buffer.readPosition(); i < buffer.writePosition() && !found; i++) {
            feed(buffer.getByte(i));
        }
    }

    void feed(byte b) {
        if (found) {
            return;
        }
        while (matched > 0 && b != marker[matched]) {
            matched = fallback[matched - 1];
        }
        if (b == marker[matched]) {
            matched++;
        }
        if (matched == marker.length) {
            found = true;
        }
    }

    boolean found() {
        return found;
    }
}
