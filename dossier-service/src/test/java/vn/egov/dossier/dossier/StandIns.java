package vn.egov.dossier.dossier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * WireMock servers standing in for other services, on a fixed free port so that a test can stop one
 * (connection refused, like a dead service) and start it again where the service under test expects it;
 * WireMock keeps its stubs and its request journal across the restart.
 */
final class StandIns {

    private StandIns() {}

    static WireMockServer onAFreePort(Extension... extensions) {
        return new WireMockServer(
                options().bindAddress("127.0.0.1").port(freePort()).extensions(extensions));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
