package vn.egov.devstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real Keycloak server (the Quarkus distribution) as a child process for the local runtime
 * and the integration tests, with the {@code egov} realm imported from
 * {@code classpath:/keycloak/egov-realm.json}.
 *
 * <p>What it does, each step only when needed:
 * <ol>
 *   <li>finds {@code org.keycloak:keycloak-quarkus-dist:<version>:tar.gz} in the local Maven
 *       repository ({@code -Dmaven.repo.local}, else {@code $MAVEN_REPO_LOCAL}, else
 *       {@code ~/.m2/repository}), downloading it from Maven Central (checked against the published
 *       {@code .sha1}) when missing;</li>
 *   <li>unpacks it into {@code <workDir>/keycloak-<version>};</li>
 *   <li>(no separate {@code kc.sh build}: {@code start-dev} discards a production-mode build and
 *       re-augments, and {@code kc.sh build} refuses the dev profile; instead the first
 *       {@code start-dev} augments once, about 30 s, and persists that in {@code lib/quarkus}, so
 *       later starts with the same build-time options skip it);</li>
 *   <li>copies the realm export into {@code data/import/}; when the export changed since the last
 *       import, the dev database ({@code data/h2}) is dropped so the new export is imported (the
 *       export is the source of truth, the dev database is disposable);</li>
 *   <li>starts {@code kc.sh start-dev} behind the gateway's public URL and waits for
 *       {@code /auth/health/ready} on the management port.</li>
 * </ol>
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.builder().workDir(Path.of(".egov")).build().start()) {
 *     keycloak.issuer();  // http://127.0.0.1:8080/auth/realms/egov
 * }
 * }</pre>
 *
 * <p>The bootstrap admin ({@value #DEV_ADMIN_USERNAME}/{@value #DEV_ADMIN_PASSWORD}) and the
 * realm's secrets are development values for a local run only.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    public static final String DEFAULT_VERSION = "26.7.3";
    public static final int DEFAULT_HTTP_PORT = 8180;
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;
    public static final String DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080/auth";
    public static final String RELATIVE_PATH = "/auth";
    public static final String REALM = "egov";
    public static final String REALM_RESOURCE = "/keycloak/egov-realm.json";
    /** The portal's theme (login and account pages), set as the realm's loginTheme and accountTheme. */
    public static final String THEME = "egov";

    public static final String THEME_RESOURCE = "/keycloak/themes/" + THEME;
    public static final String DEV_ADMIN_USERNAME = "admin";
    public static final String DEV_ADMIN_PASSWORD = "admin";
    public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2";

    private static final String HOST = "127.0.0.1";
    private static final String REALM_FILE = REALM + "-realm.json";
    private static final String REALM_MARKER = ".egov-imported-realm.sha256";

    private final String version;
    private final Path workDir;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final String publicUrl;
    private final Path mavenRepository;
    private final String mavenCentral;
    private final Duration startTimeout;
    private final boolean freshData;
    private final Path logFile;
    private final String adminUsername;
    private final String adminPassword;
    private final String heapOptions;
    private final List<String> extraOptions;

    private Process process;
    private Thread shutdownHook;
    private volatile boolean stopRequested;

    private KeycloakServer(Builder b) {
        this.version = b.version;
        this.workDir = b.workDir.toAbsolutePath().normalize();
        this.home = workDir.resolve("keycloak-" + version);
        this.httpPort = b.httpPort;
        this.managementPort = b.managementPort;
        this.publicUrl = stripTrailingSlash(b.publicUrl);
        this.mavenRepository = (b.mavenRepository != null ? b.mavenRepository : defaultMavenRepository())
                .toAbsolutePath()
                .normalize();
        this.mavenCentral = stripTrailingSlash(b.mavenCentral);
        this.startTimeout = b.startTimeout;
        this.freshData = b.freshData;
        this.logFile = (b.logFile != null ? b.logFile : workDir.resolve("logs").resolve("keycloak.log"))
                .toAbsolutePath()
                .normalize();
        this.adminUsername = b.adminUsername;
        this.adminPassword = b.adminPassword;
        this.heapOptions = b.heapOptions;
        this.extraOptions = List.copyOf(b.extraOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Installs what is missing, starts Keycloak and blocks until it is ready.
     *
     * @return this server, started
     * @throws IOException when a step fails (download, unpack, build, ports in use, not ready in time)
     */
    public synchronized KeycloakServer start() throws IOException, InterruptedException {
        if (isRunning()) {
            return this;
        }
        stopRequested = false;
        long t0 = System.nanoTime();
        Files.createDirectories(workDir);
        stopLeftover();
        requireFreePort(httpPort, "Keycloak HTTP");
        requireFreePort(managementPort, "Keycloak management");
        install();
        installTheme();
        prepareRealmImport();

        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("kc.sh").toString());
        command.add("start-dev");
        command.addAll(allStartOptions());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        configureEnvironment(pb.environment());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        boolean firstStart = !Files.exists(home.resolve("data").resolve("h2"));
        log.info(
                "Starting Keycloak {} on http://{}:{}{} (management {}), public URL {}, log {}{}",
                version,
                HOST,
                httpPort,
                RELATIVE_PATH,
                managementPort,
                publicUrl,
                logFile,
                firstStart
                        ? " (first start with this data: creating the database and importing the realm, up to ~90 s)"
                        : "");
        process = pb.start();
        Files.writeString(pidFile(), process.pid() + "\n");
        shutdownHook = new Thread(this::stopQuietly, "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
        log.info("Keycloak ready in {} s: issuer {}", (System.nanoTime() - t0) / 1_000_000_000, issuer());
        keepAugmentation();
        return this;
    }

    /** Stops Keycloak and every process it started; waits for them to exit. Safe to call twice. */
    public synchronized void stop() {
        stopRequested = true;
        Process p = process;
        process = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // called from the hook itself
            }
            shutdownHook = null;
        }
        if (p == null) {
            return;
        }
        destroyTree(p.toHandle());
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            log.debug("Cannot delete {}", pidFile(), e);
        }
        log.info("Keycloak stopped");
    }

    /** SIGTERM to the process and its descendants, SIGKILL to what is left after 30 s. */
    private static void destroyTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                h.destroyForcibly();
            }
        }
        tree.forEach(h -> {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        });
    }

    private Path pidFile() {
        return workDir.resolve("keycloak.pid");
    }

    /**
     * A Keycloak of this home left running by a launcher that was killed hard (SIGKILL skips the
     * shutdown hook) would hold the ports: stop it, but only if its command line names this home.
     */
    private void stopLeftover() throws IOException {
        Path pidFile = pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> h.info()
                            .commandLine()
                            .map(c -> c.contains(home.toString()))
                            .orElse(false))
                    .ifPresent(h -> {
                        log.warn("Stopping a Keycloak left running from an earlier launch (pid {})", pid);
                        destroyTree(h);
                    });
        } catch (NumberFormatException e) {
            log.debug("Ignoring unreadable {}", pidFile);
        }
        Files.deleteIfExists(pidFile);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Stopping Keycloak failed", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Waits until the Keycloak process exits (for the foreground launcher). */
    public int waitFor() throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        return p == null ? 0 : p.waitFor();
    }

    // ------------------------------------------------------------------ install steps

    /** Downloads the distribution (if missing) and unpacks it (once per work dir). */
    public void install() throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path lockFile = workDir.resolve(".keycloak-install.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.isExecutable(home.resolve("bin").resolve("kc.sh"))) {
                Path archive = distribution();
                unpack(archive);
                restoreAugmentation();
            }
        }
    }

    /**
     * Where the augmentation ({@code lib/quarkus}) of a first start with these build-time options is kept
     * for the next fresh unpack (another work dir: another module's tests, a new clone's {@code ./egov up}):
     * next to the distribution in the Maven repository, keyed by version and options. Keycloak still
     * checks at each start that the persisted build matches its options and re-augments when it does not,
     * so a stale entry costs the 25–30 s it would have cost anyway, never a wrong server.
     */
    Path augmentationCache() {
        MessageDigest digest = sha1();
        digest.update((version + "\n" + String.join("\n", buildOptions()) + "\n" + String.join("\n", extraOptions))
                .getBytes(StandardCharsets.UTF_8));
        return mavenRepository
                .resolve("org/keycloak/keycloak-quarkus-dist/" + version + "/egov-augmented")
                .resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    /** Puts a kept augmentation into a fresh unpack, when one is kept for these options. */
    private void restoreAugmentation() throws IOException {
        Path kept = augmentationCache();
        if (!Files.isRegularFile(kept.resolve("build-system.properties"))) {
            return;
        }
        Path target = home.resolve("lib").resolve("quarkus");
        deleteRecursively(target);
        copyTree(kept, target);
        log.info("Reused the augmentation kept in {}", kept);
    }

    /**
     * After a start that augmented (or reused an augmentation), keeps {@code lib/quarkus} for the next
     * fresh unpack; written to a temporary directory and moved into place, so a reader never sees half.
     */
    private void keepAugmentation() {
        Path source = home.resolve("lib").resolve("quarkus");
        Path kept = augmentationCache();
        if (Files.exists(kept) || !Files.isRegularFile(source.resolve("build-system.properties"))) {
            return;
        }
        Path staging = null;
        try {
            Files.createDirectories(kept.getParent());
            staging = Files.createTempDirectory(kept.getParent(), ".keeping-");
            copyTree(source, staging.resolve("quarkus"));
            Files.move(staging.resolve("quarkus"), kept, StandardCopyOption.ATOMIC_MOVE);
            log.info("Kept the augmentation in {} for the next fresh unpack", kept);
        } catch (IOException | RuntimeException e) {
            // another process kept it first, or the repository is read-only: the next unpack augments again
            log.debug("Augmentation not kept: {}", e.toString());
        } finally {
            if (staging != null) {
                try {
                    deleteRecursively(staging);
                } catch (IOException ignored) {
                    // a leftover temporary directory, named as such
                }
            }
        }
    }

    /**
     * The distribution archive in the local Maven repository, downloaded from Maven Central first
     * when missing.
     */
    public Path distribution() throws IOException, InterruptedException {
        String relative =
                "org/keycloak/keycloak-quarkus-dist/" + version + "/keycloak-quarkus-dist-" + version + ".tar.gz";
        Path archive = mavenRepository.resolve(relative);
        if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
            return archive;
        }
        Files.createDirectories(archive.getParent());
        Path lockFile = archive.resolveSibling(archive.getFileName() + ".egov.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                download(mavenCentral + "/" + relative, archive);
            }
        } finally {
            Files.deleteIfExists(lockFile);
        }
        return archive;
    }

    private static void download(String url, Path target) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> sha1Response = http.send(
                HttpRequest.newBuilder(URI.create(url + ".sha1"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (sha1Response.statusCode() != 200) {
            throw new IOException("GET " + url + ".sha1 answered " + sha1Response.statusCode());
        }
        String expectedSha1 = sha1Response.body().trim().split("\\s+")[0].toLowerCase(Locale.ROOT);

        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        long total = response.headers().firstValueAsLong("content-length").orElse(-1);
        System.out.printf("Downloading %s (%s)%n", url, total > 0 ? (total / (1024 * 1024)) + " MB" : "size unknown");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest sha1 = sha1();
        long done = 0;
        int lastDecile = 0;
        long lastMb = 0;
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                sha1.update(buffer, 0, n);
                done += n;
                if (total > 0) {
                    int decile = (int) (done * 10 / total);
                    if (decile > lastDecile) {
                        lastDecile = decile;
                        System.out.printf(
                                "  %3d%%  %d / %d MB%n", decile * 10, done / (1024 * 1024), total / (1024 * 1024));
                    }
                } else if (done / (20L * 1024 * 1024) > lastMb) {
                    lastMb = done / (20L * 1024 * 1024);
                    System.out.printf("  %d MB%n", done / (1024 * 1024));
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        String actualSha1 = HexFormat.of().formatHex(sha1.digest());
        if (!actualSha1.equals(expectedSha1)) {
            Files.deleteIfExists(part);
            throw new IOException(
                    "Checksum mismatch for " + url + ": expected sha1 " + expectedSha1 + ", got " + actualSha1);
        }
        Files.writeString(target.resolveSibling(target.getFileName() + ".sha1"), expectedSha1);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Downloaded %s (sha1 %s verified)%n", target, actualSha1);
    }

    private void unpack(Path archive) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path staging = Files.createTempDirectory(workDir, ".keycloak-unpack-");
        try {
            log.info("Unpacking {} into {}", archive, home);
            run(
                    List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()),
                    workDir,
                    null,
                    Duration.ofMinutes(10));
            Path unpacked = staging.resolve("keycloak-" + version);
            if (!Files.isDirectory(unpacked)) {
                try (Stream<Path> children = Files.list(staging)) {
                    unpacked = children.filter(Files::isDirectory)
                            .findFirst()
                            .orElseThrow(() -> new IOException("Nothing unpacked from " + archive));
                }
            }
            deleteRecursively(home);
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(staging);
        }
        log.info("Unpacked Keycloak in {} s", (System.nanoTime() - t0) / 1_000_000_000);
    }

    /**
     * Options that Keycloak treats as build time. They must stay the same from start to start: a
     * change makes {@code start-dev} re-augment (about 30 s) once.
     */
    List<String> buildOptions() {
        return List.of("--health-enabled=true", "--http-relative-path=" + RELATIVE_PATH);
    }

    /** Options that Keycloak reads at each start. */
    List<String> runtimeOptions() {
        return List.of(
                "--http-host=" + HOST,
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=" + publicUrl,
                "--hostname-backchannel-dynamic=true",
                "--proxy-headers=xforwarded",
                "--import-realm");
    }

    private List<String> allStartOptions() {
        List<String> all = new ArrayList<>(buildOptions());
        all.addAll(runtimeOptions());
        all.addAll(extraOptions);
        return all;
    }

    /**
     * Copies the theme from the classpath ({@code keycloak/themes/egov}, a directory or a jar entry) into
     * {@code themes/egov} of the installation, replacing the previous copy so that a file removed from the
     * sources goes too. Keycloak reads {@code themes/} at run time (no re-augmentation), and {@code start-dev}
     * does not cache themes, so a changed theme shows on the next page load after the next start.
     */
    void installTheme() throws IOException {
        java.net.URL source = KeycloakServer.class.getResource(THEME_RESOURCE);
        if (source == null) {
            throw new IOException("Theme " + THEME_RESOURCE + " not on the classpath");
        }
        Path target = home.resolve("themes").resolve(THEME);
        deleteRecursively(target);
        try {
            URI uri = source.toURI();
            if ("jar".equals(uri.getScheme())) {
                java.nio.file.FileSystem jar;
                try {
                    jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of());
                } catch (java.nio.file.FileSystemAlreadyExistsException open) {
                    // someone else's: read it, leave it open
                    copyTree(java.nio.file.FileSystems.getFileSystem(uri).getPath(THEME_RESOURCE), target);
                    return;
                }
                try (jar) {
                    copyTree(jar.getPath(THEME_RESOURCE), target);
                }
            } else {
                copyTree(Path.of(uri), target);
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException("Theme " + source + " cannot be read", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                // resolve by name: the source may be on another file system (a jar)
                Path dest = to;
                for (Path part : from.relativize(file)) {
                    dest = dest.resolve(part.toString());
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void prepareRealmImport() throws IOException {
        byte[] realm;
        try (InputStream in = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IOException("Realm export " + REALM_RESOURCE + " not on the classpath");
            }
            realm = in.readAllBytes();
        }
        Path importDir = home.resolve("data").resolve("import");
        Files.createDirectories(importDir);
        Files.write(importDir.resolve(REALM_FILE), realm);

        String hash = HexFormat.of().formatHex(sha256(realm));
        Path marker = home.resolve("data").resolve(REALM_MARKER);
        Path database = home.resolve("data").resolve("h2");
        boolean changed =
                !Files.isRegularFile(marker) || !Files.readString(marker).trim().equals(hash);
        if (freshData || (changed && Files.exists(database))) {
            log.info(
                    freshData
                            ? "Dropping the Keycloak dev database (fresh data requested)"
                            : "Realm export changed since the last import: dropping the Keycloak dev database to import it again");
            deleteRecursively(database);
        }
        Files.writeString(marker, hash + "\n");
    }

    private void configureEnvironment(Map<String, String> env) {
        if (!env.containsKey("JAVA_HOME")) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        if (!env.containsKey("JAVA_OPTS_KC_HEAP") && heapOptions != null) {
            env.put("JAVA_OPTS_KC_HEAP", heapOptions);
        }
        // The demo setup must not pick up a developer's own KC_* settings by accident.
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("KEYCLOAK_"));
    }

    private void awaitReady() throws IOException, InterruptedException {
        URI health = URI.create("http://" + HOST + ":" + managementPort + RELATIVE_PATH + "/health/ready");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IOException("Keycloak exited with " + (p == null ? "?" : p.exitValue())
                        + " before it was ready; last lines of " + logFile + ":\n" + tail(logFile, 40));
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet, or the connection was reset while starting
            }
            Thread.sleep(500);
        }
        throw new IOException("Keycloak not ready after " + startTimeout.toSeconds() + " s; last lines of " + logFile
                + ":\n" + tail(logFile, 40));
    }

    // ------------------------------------------------------------------ accessors

    /** Keycloak's own base URL, e.g. {@code http://127.0.0.1:8180/auth}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort + RELATIVE_PATH;
    }

    /** The public base URL (through the gateway), e.g. {@code http://127.0.0.1:8080/auth}. */
    public String publicUrl() {
        return publicUrl;
    }

    /** The issuer every token carries: {@code <publicUrl>/realms/egov}. */
    public String issuer() {
        return publicUrl + "/realms/" + REALM;
    }

    /** The realm's token endpoint on Keycloak's own port. */
    public String tokenEndpoint() {
        return baseUrl() + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    /** The realm's JWKS endpoint on Keycloak's own port (what services use as {@code jwk-set-uri}). */
    public String jwksUri() {
        return baseUrl() + "/realms/" + REALM + "/protocol/openid-connect/certs";
    }

    /** Health (ready) on the management port. */
    public String healthUrl() {
        return "http://" + HOST + ":" + managementPort + RELATIVE_PATH + "/health/ready";
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path home() {
        return home;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logFile() {
        return logFile;
    }

    public String version() {
        return version;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    // ------------------------------------------------------------------ builder

    public static final class Builder {
        private String version = DEFAULT_VERSION;
        private Path workDir = Path.of(".egov");
        private int httpPort = DEFAULT_HTTP_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private String publicUrl = DEFAULT_PUBLIC_URL;
        private Path mavenRepository;
        private String mavenCentral = MAVEN_CENTRAL;
        private Duration startTimeout = Duration.ofMinutes(10);
        private boolean freshData;
        private Path logFile;
        private String adminUsername = DEV_ADMIN_USERNAME;
        private String adminPassword = DEV_ADMIN_PASSWORD;
        private String heapOptions;
        private final List<String> extraOptions = new ArrayList<>();

        private Builder() {}

        /** Where Keycloak is unpacked ({@code <workDir>/keycloak-<version>}) and logs go; default {@code .egov}. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir);
            return this;
        }

        /** Keycloak's HTTP port on 127.0.0.1; default 8180. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** The management port (health); default 9180. */
        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** The public URL behind the gateway, put in every token's issuer; default {@value #DEFAULT_PUBLIC_URL}. */
        public Builder publicUrl(String publicUrl) {
            this.publicUrl = Objects.requireNonNull(publicUrl);
            return this;
        }

        /** The local Maven repository; default from {@code -Dmaven.repo.local}, {@code $MAVEN_REPO_LOCAL}, {@code ~/.m2/repository}. */
        public Builder mavenRepository(Path mavenRepository) {
            this.mavenRepository = mavenRepository;
            return this;
        }

        /** Where a missing distribution is downloaded from; default Maven Central. */
        public Builder mavenCentral(String url) {
            this.mavenCentral = Objects.requireNonNull(url);
            return this;
        }

        /** The Keycloak version (its quarkus dist); default {@value #DEFAULT_VERSION}. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version);
            return this;
        }

        /** How long {@link #start()} waits for readiness once the process runs; default 5 min. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Drop the dev database before starting, so the realm is imported anew; default false. */
        public Builder freshData(boolean fresh) {
            this.freshData = fresh;
            return this;
        }

        /** Keycloak's console output; default {@code <workDir>/logs/keycloak.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** The bootstrap admin of the master realm; default admin/admin (local run only). */
        public Builder bootstrapAdmin(String username, String password) {
            this.adminUsername = Objects.requireNonNull(username);
            this.adminPassword = Objects.requireNonNull(password);
            return this;
        }

        /**
         * More {@code kc.sh start-dev} options, e.g. {@code --log-level=debug} or
         * {@code --db=postgres --db-url=...}; a build-time option here re-augments once.
         */
        public Builder option(String option) {
            this.extraOptions.add(Objects.requireNonNull(option));
            return this;
        }

        /** Heap options for Keycloak's JVM ({@code JAVA_OPTS_KC_HEAP}); null (default) keeps kc.sh's {@code -Xms64m -Xmx512m}. */
        public Builder heapOptions(String heapOptions) {
            this.heapOptions = heapOptions;
            return this;
        }

        public KeycloakServer build() {
            return new KeycloakServer(this);
        }
    }

    // ------------------------------------------------------------------ main

    /**
     * Runs Keycloak in the foreground until this JVM is stopped (SIGTERM/SIGINT stop Keycloak too).
     *
     * <pre>
     * java -cp ... vn.egov.devstack.keycloak.KeycloakServer [--workdir .egov] [--port 8180]
     *     [--management-port 9180] [--public-url http://127.0.0.1:8080/auth] [--maven-repo DIR]
     *     [--log-file FILE] [--fresh] [--timeout-seconds 600] [--install-only] [--option=--kc-option=value]
     * </pre>
     */
    public static void main(String[] args) throws Exception {
        Builder builder = builder();
        boolean installOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--fresh" -> builder.freshData(true);
                case "--install-only" -> installOnly = true;
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                case "--workdir",
                        "--port",
                        "--management-port",
                        "--public-url",
                        "--hostname",
                        "--maven-repo",
                        "--timeout-seconds",
                        "--log-file",
                        "--version",
                        "--option" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            System.err.println("Missing value for " + arg);
                            usage();
                            System.exit(2);
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--workdir" -> builder.workDir(Path.of(value));
                        case "--port" -> builder.httpPort(Integer.parseInt(value));
                        case "--management-port" -> builder.managementPort(Integer.parseInt(value));
                        case "--public-url", "--hostname" -> builder.publicUrl(value);
                        case "--maven-repo" -> builder.mavenRepository(Path.of(value));
                        case "--timeout-seconds" -> builder.startTimeout(Duration.ofSeconds(Long.parseLong(value)));
                        case "--log-file" -> builder.logFile(Path.of(value));
                        case "--version" -> builder.version(value);
                        default -> builder.option(value);
                    }
                }
                default -> {
                    System.err.println("Unknown argument: " + arg);
                    usage();
                    System.exit(2);
                }
            }
        }
        KeycloakServer server = builder.build();
        if (installOnly) {
            server.install();
            System.out.println("Keycloak installed in " + server.home());
            return;
        }
        try {
            server.start();
        } catch (IOException e) {
            System.err.println("Keycloak failed to start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("Keycloak ready: " + server.baseUrl() + " (issuer " + server.issuer()
                + "; admin console " + server.baseUrl() + "/admin/ as " + server.adminUsername() + "/"
                + server.adminPassword() + "; log " + server.logFile() + ")");
        int exit = server.waitFor();
        if (server.stopRequested) {
            return; // SIGTERM/SIGINT: the shutdown hook is stopping Keycloak
        }
        System.err.println("Keycloak exited by itself with " + exit + "; see " + server.logFile());
        System.exit(1);
    }

    private static void usage() {
        System.err.println("""
                Usage: KeycloakServer [--workdir .egov] [--port 8180] [--management-port 9180]
                                      [--public-url http://127.0.0.1:8080/auth] [--maven-repo DIR]
                                      [--log-file FILE] [--timeout-seconds 600] [--fresh] [--install-only]
                                      [--option=--kc-option=value ...]
                  --fresh         drop the dev database so the realm export is imported anew
                  --install-only  download and unpack, then exit
                  --option OPT    one more kc.sh start-dev option (repeatable), e.g. --option=--log-level=debug""");
    }

    // ------------------------------------------------------------------ helpers

    /** The local Maven repository: {@code -Dmaven.repo.local}, {@code $MAVEN_REPO_LOCAL}, else {@code ~/.m2/repository}. */
    public static Path defaultMavenRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("MAVEN_REPO_LOCAL");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void run(List<String> command, Path dir, Path output, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Path out = output != null ? output : Files.createTempFile("keycloak-cmd-", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(
                        String.join(" ", command) + " failed with " + p.exitValue() + ":\n" + tail(out, 40));
            }
        } finally {
            if (output == null) {
                Files.deleteIfExists(out);
            }
        }
    }

    private static void requireFreePort(int port, String what) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IOException(what + " port " + HOST + ":" + port + " is already in use", e);
        }
    }

    /** A free TCP port on 127.0.0.1 (for tests). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
