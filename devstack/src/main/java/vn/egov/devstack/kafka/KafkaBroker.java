package vn.egov.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, one node), run as a child JVM
 * with the Kafka server from Maven Central. Its log directory survives {@link #stop()}, so the same
 * broker can be stopped and started again on the same port: that is how tests take "Kafka down".
 * The child stops by itself when this JVM is gone, however it ended ({@link WatchedKafkaMain}).
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final Path logFile;
    /** A configuration of the caller's, or null for the local broker's own (see {@link #writeConfig()}). */
    private final Properties config;

    private Process process;

    public KafkaBroker(Path dataDirectory, int port, int controllerPort) {
        this(dataDirectory, port, controllerPort, System.getProperty("java.class.path"));
    }

    public KafkaBroker(Path dataDirectory, int port, int controllerPort, String classpath) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port > 0 ? port : freePort();
        this.controllerPort = controllerPort > 0 ? controllerPort : freePort();
        this.classpath = classpath;
        this.logFile = this.dataDirectory.resolve("broker.log");
        this.config = null;
    }

    /**
     * A broker with a whole configuration of the caller's, e.g. a deployment's with its ports adapted (deploy-tests'
     * ComposeKafkaTest runs docker-compose.yml's SASL and ACL set-up so). Its {@code log.dirs} is replaced by this
     * broker's data directory; {@code plaintextPort} is a PLAINTEXT listener of that configuration on 127.0.0.1,
     * where {@link #start()} waits until the broker answers and which {@link #bootstrapServers()} names.
     */
    public KafkaBroker(Path dataDirectory, Properties config, int plaintextPort) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = plaintextPort;
        this.controllerPort = -1;
        this.classpath = System.getProperty("java.class.path");
        this.logFile = this.dataDirectory.resolve("broker.log");
        this.config = new Properties();
        this.config.putAll(config);
        this.config.setProperty("log.dirs", this.dataDirectory.resolve("logs").toString());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Formats the storage on first use, starts the broker and waits until it answers. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            Path configFile = writeConfig();
            if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
                format(configFile);
            }
            // the broker dies with this JVM even when this JVM is killed hard (see WatchedKafkaMain)
            List<String> broker = new ArrayList<>(archiveOptions());
            broker.addAll(List.of(
                    "-D" + WatchedKafkaMain.LAUNCHER_PID_PROPERTY + "="
                            + ProcessHandle.current().pid(),
                    WatchedKafkaMain.class.getName(),
                    configFile.toString()));
            process = javaProcess(broker)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            awaitReady(Duration.ofSeconds(90));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker (controlled shutdown, then killed if it hangs); keeps its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        awaitPortClosed(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Properties p = config != null ? config : localConfig();
        Path file = dataDirectory.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "written by devstack KafkaBroker");
        }
        return file;
    }

    private Properties localConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDirectory.resolve("logs").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("log.retention.hours", "168");
        // the log cleaner (compacted topics: the consumer offsets) takes a 128 MB de-duplication buffer on the heap by
        // default, most of the idle local broker's memory; 8 MB covers a development machine's offsets many times over
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    private void format(Path config) throws IOException {
        Process formatter = javaProcess(List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString(),
                        "--ignore-formatted"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!formatter.waitFor(120, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * The broker's class-data archive options from {@code EGOV_BROKER_JAVA_OPTS} ({@code ./egov} sets them, decision
     * 69): only for the broker, not for the one-off storage format, whose classes differ.
     */
    private static List<String> archiveOptions() {
        String options = System.getenv("EGOV_BROKER_JAVA_OPTS");
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return List.of(options.trim().split("\\s+"));
    }

    private ProcessBuilder javaProcess(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a small start: an idle local broker keeps only what it touched (issue 17 item 4, memory at rest)
        command.add("-Xms32m");
        command.add("-Xmx384m");
        if ("production".equals(System.getenv("EGOV_JVM_PROFILE"))) {
            // ./egov bench (issue 17): the broker as production runs it, full JIT and G1, giving memory back when
            // idle (a periodic collection after 10 s without one) as the services do
            command.add("-XX:+UseG1GC");
            command.add("-XX:G1PeriodicGCInterval=10000");
            command.add("-XX:MaxHeapFreeRatio=40");
        } else {
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classpath);
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        return pb;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            if (portOpen()) {
                try (Admin admin = Admin.create(props)) {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // still starting
                }
            }
            sleep(300);
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + "; see " + logFile);
    }

    private void awaitPortClosed(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (portOpen() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the broker in the foreground for {@code ./egov}: {@code --data-dir DIR --port 9092
     * --controller-port 9093}. Stops the broker when this JVM is stopped.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(".egov/kafka");
        int port = 9092;
        int controllerPort = 9093;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dir = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        KafkaBroker broker = new KafkaBroker(dir, port, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-stop"));
        broker.start();
        System.out.println("Kafka ready at " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
