package vn.egov.devstack.kafka;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The main class of the broker JVM that {@link KafkaBroker} starts: {@code kafka.Kafka} in this process,
 * after a watchdog that stops the broker once the JVM that launched it is gone.
 *
 * <p>Why: a launcher killed hard (SIGKILL, the kernel's out-of-memory killer) runs no shutdown hook, so
 * without this its broker would keep running, holding the ports and the log directory, and the next
 * {@code ./egov up} (or a test run) would find 9092/9093 taken by a Java process nobody knows about.
 * The watchdog exits through {@link System#exit}, so Kafka's own shutdown hook still shuts the broker
 * down cleanly; should that hang, the JVM is halted after {@link #SHUTDOWN_GRACE_SECONDS}.
 */
public final class WatchedKafkaMain {

    /** The pid of the launcher this broker belongs to; without it, the process that started this JVM. */
    public static final String LAUNCHER_PID_PROPERTY = "egov.kafka.launcher-pid";

    static final long POLL_MILLIS = 1000;
    static final long SHUTDOWN_GRACE_SECONDS = 30;

    private WatchedKafkaMain() {}

    public static void main(String[] args) throws Exception {
        Long pid = Long.getLong(LAUNCHER_PID_PROPERTY);
        // ProcessHandle remembers the start time, so a pid reused by another process reads as "gone"
        Optional<ProcessHandle> launcher =
                pid != null ? ProcessHandle.of(pid) : ProcessHandle.current().parent();
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            System.err.println("The launcher of this Kafka broker (pid " + pid + ") is already gone; not starting.");
            System.exit(1);
        }
        watch(launcher.get());
        kafka.Kafka.main(args);
    }

    private static void watch(ProcessHandle launcher) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (launcher.isAlive()) {
                            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("The launcher of this Kafka broker (pid " + launcher.pid()
                            + ") is gone; stopping the broker.");
                    Thread halt = new Thread(
                            () -> {
                                try {
                                    TimeUnit.SECONDS.sleep(SHUTDOWN_GRACE_SECONDS);
                                } catch (InterruptedException ignored) {
                                    // exiting anyway
                                }
                                Runtime.getRuntime().halt(2);
                            },
                            "kafka-launcher-gone-halt");
                    halt.setDaemon(true);
                    halt.start();
                    System.exit(0);
                },
                "kafka-launcher-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
