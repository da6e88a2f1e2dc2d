package vn.egov.devstack.simulators;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * Where the simulators listen. On a developer machine and in tests: the loopback address only, so no
 * stand-in for an outside party is ever reachable from the network. In a container (docker-compose.yml)
 * the other containers must reach it: {@code EGOV_SIMULATOR_BIND=0.0.0.0}, and the compose file publishes
 * the port on the host's loopback only.
 */
public final class SimulatorBinding {

    public static final String VARIABLE = "EGOV_SIMULATOR_BIND";

    private SimulatorBinding() {}

    /**
     * Blocks a simulator's {@code main} until the JVM is asked to stop ({@code ./egov stop}, a container's SIGTERM),
     * then stops the simulator: the shutdown hook every stand-alone simulator needs.
     */
    public static void runUntilStopped(Runnable stop, String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.run();
                            stopped.countDown();
                        },
                        name + "-shutdown"));
        stopped.await();
    }

    /** The address of {@value #VARIABLE}, or the loopback address when it is not set. */
    public static InetAddress address() {
        return address(System.getenv(VARIABLE));
    }

    static InetAddress address(String configured) {
        if (configured == null || configured.isBlank()) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(configured.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(VARIABLE + " is not an address: " + configured, e);
        }
    }
}
