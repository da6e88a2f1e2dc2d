package vn.egov.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;
import vn.egov.testsupport.RealInfrastructure;

/**
 * A real Redis server for a test: a {@code redis} container where Docker answers, otherwise the
 * {@code redis-server} binary shipped in {@code embedded-redis}, on a free loopback port. Never a mock.
 * {@link #stop()} makes it unreachable and {@link #start()} brings it back at the same address:
 * the binary is stopped and started again (connections refused meanwhile); the container is paused and
 * resumed (commands time out meanwhile).
 */
public abstract sealed class TestRedis implements AutoCloseable {

    public static TestRedis started() {
        TestRedis redis = RealInfrastructure.usesDocker() ? new Container() : new Binary();
        redis.start();
        return redis;
    }

    public abstract String url();

    public abstract void start();

    public abstract void stop();

    @Override
    public abstract void close();

    static final class Binary extends TestRedis {
        private final int port = freePort();
        private RedisServer server;

        Binary() {
            // no redis-server left running when a test JVM ends early
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        }

        @Override
        public String url() {
            return "redis://127.0.0.1:" + port;
        }

        @Override
        public synchronized void start() {
            try {
                server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        // nothing written to the working directory
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitListening(true);
        }

        @Override
        public synchronized void stop() {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitListening(false);
        }

        @Override
        public synchronized void close() {
            if (server != null && server.isActive()) {
                stop();
            }
        }

        private void awaitListening(boolean listening) {
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    if (listening) {
                        return;
                    }
                } catch (IOException refused) {
                    if (!listening) {
                        return;
                    }
                }
                sleep(Duration.ofMillis(50));
            }
            throw new IllegalStateException(
                    "redis-server on port " + port + " did not " + (listening ? "start" : "stop"));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Container extends TestRedis {
        private final GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        private boolean paused;

        @Override
        public String url() {
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }

        @Override
        public synchronized void start() {
            if (paused) {
                container
                        .getDockerClient()
                        .unpauseContainerCmd(container.getContainerId())
                        .exec();
                paused = false;
            } else {
                container.start();
            }
        }

        @Override
        public synchronized void stop() {
            container
                    .getDockerClient()
                    .pauseContainerCmd(container.getContainerId())
                    .exec();
            paused = true;
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
