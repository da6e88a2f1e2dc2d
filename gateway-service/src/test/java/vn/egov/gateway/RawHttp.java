package vn.egov.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http cannot do: announce a body and wait for the
 * verdict without sending it (its Expect: 100-continue hangs on a final non-100 answer in JDK 17), or
 * stream a chunked body of a chosen size.
 */
final class RawHttp {

    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private RawHttp() {}

    /** Sends only the request head, declaring {@code contentLength} bytes that never follow. */
    static Response announce(int port, String method, String path, long contentLength, Map<String, String> headers) {
        StringBuilder head = head(port, method, path, headers);
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        return exchange(port, out -> out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Sends a request without a body, with these extra header lines (names may repeat). */
    static Response withoutBody(int port, String method, String path, List<String> headerLines) {
        StringBuilder head = head(port, method, path, Map.of());
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        head.append("\r\n");
        return exchange(port, out -> out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Sends a chunked body of {@code size} bytes. */
    static Response chunked(int port, String method, String path, int size, Map<String, String> headers) {
        StringBuilder head = head(port, method, path, headers);
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        return exchange(port, out -> {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < size; sent += chunk.length) {
                int length = Math.min(chunk.length, size - sent);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk, 0, length);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static StringBuilder head(int port, String method, String path, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head;
    }

    private static Response exchange(int port, Writer writer) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                writer.write(out);
                out.flush();
            } catch (IOException refusedMidway) {
                // the gateway may answer and stop reading before the body is complete; read its answer
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        List<String> length = headers.get("Content-Length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length.get(0))) : in.readAllBytes();
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
