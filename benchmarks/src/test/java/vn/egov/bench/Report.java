package vn.egov.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code target/bench/report.md}: every figure of the run and its ratios, the machine and the commit. Ratios
 * are the point: the machine is shared, so absolute figures move between runs, the ratios of steps measured
 * side by side much less. Written again after each simulation, from all the figures saved so far.
 */
final class Report {

    private Report() {}

    static void write(Settings settings) {
        List<Figures> all = Figures.all(settings);
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "date (UTC)", settings.get("date"));
        row(md, "commit", settings.get("commit"));
        row(md, "machine", settings.get("cores") + " cores, " + settings.get("memory") + " memory");
        row(md, "load on the machine", settings.get("load"));
        row(md, "JVM settings", settings.get("jvm"));
        row(md, "gateway rate limits", settings.get("rate.limits"));
        row(
                md,
                "each step",
                settings.get("step.seconds") + " s after a " + settings.get("warmup.seconds")
                        + " s warm-up per path; closed model (N connections, each sends its next request on the answer)");
        row(md, "seeded", settings.get("seeded"));
        md.append('\n');

        List<String> reads = List.of(PublicReadSimulation.LOOKUP, PublicReadSimulation.SEARCH);
        boolean nginx = !settings.get("nginx.url").isEmpty();
        md.append("## Public reads: direct, through the gateway, through nginx\n\n");
        md.append("| scenario | connections | path | req/s | p50 ms | p95 ms | p99 ms | non-2xx |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (String scenario : reads) {
            for (int c : settings.connections()) {
                for (String path : List.of("direct", "gateway", "nginx")) {
                    Optional<Figures> f = Figures.find(all, scenario, path, c);
                    if (f.isPresent()) {
                        figures(md, f.get());
                    } else if (path.equals("nginx") && !nginx) {
                        md.append("| " + scenario + " | " + c + " | nginx | not installed | | | | |\n");
                    }
                }
            }
        }
        md.append("\n| scenario | connections | gateway / direct (req/s) | gateway / nginx (req/s) | "
                + "gateway p99 / direct p99 |\n|---|---|---|---|---|\n");
        for (String scenario : reads) {
            for (int c : settings.connections()) {
                Optional<Figures> direct = Figures.find(all, scenario, "direct", c);
                Optional<Figures> gateway = Figures.find(all, scenario, "gateway", c);
                Optional<Figures> viaNginx = Figures.find(all, scenario, "nginx", c);
                if (direct.isEmpty() || gateway.isEmpty()) {
                    continue;
                }
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.2f | %s | %.1f |%n",
                        scenario,
                        c,
                        gateway.get().perSecond() / direct.get().perSecond(),
                        viaNginx.map(n -> String.format(
                                        Locale.ROOT, "%.2f", gateway.get().perSecond() / n.perSecond()))
                                .orElse("not installed"),
                        gateway.get().p99() / direct.get().p99()));
            }
        }
        md.append('\n');

        List<String> submissions = List.of(SubmissionSimulation.SMALL, SubmissionSimulation.LARGE);
        if (all.stream().anyMatch(f -> submissions.contains(f.scenario()))) {
            md.append("## Authenticated submission through the gateway, against the JDBC ceiling\n\n");
            md.append("| scenario | connections | path | submissions/s | p50 ms | p95 ms | p99 ms | non-2xx |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            all.stream().filter(f -> submissions.contains(f.scenario())).forEach(f -> figures(md, f));
            md.append("\n| scenario | submissions / JDBC ceiling |\n|---|---|\n");
            for (String scenario : submissions) {
                Optional<Figures> api = all.stream()
                        .filter(f -> f.scenario().equals(scenario) && f.path().equals("gateway"))
                        .findFirst();
                Optional<Figures> ceiling = all.stream()
                        .filter(f -> f.scenario().equals(scenario) && f.path().equals("JDBC ceiling"))
                        .findFirst();
                if (api.isPresent() && ceiling.isPresent()) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %.2f |%n",
                            scenario,
                            api.get().perSecond() / ceiling.get().perSecond()));
                }
            }
            md.append('\n');
        }

        List<Figures> notices = all.stream()
                .filter(f -> f.scenario().equals(NoticeSimulation.NOTICE))
                .toList();
        if (!notices.isEmpty()) {
            md.append("## Event to in-app notice (submission's 201 → the notice on the applicant's inbox stream)\n\n");
            md.append(
                    "| rate (half the maximum submission rate) | submissions | p50 ms | p99 ms | no notice within 15 s |\n");
            md.append("|---|---|---|---|---|\n");
            for (Figures f : notices) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %.1f | %d |%n",
                        f.path(),
                        f.count(),
                        f.p50(),
                        f.p99(),
                        f.nonSuccess()));
            }
            md.append('\n');
        }

        List<Figures> scale = all.stream()
                .filter(f -> f.scenario().equals(ScaleSimulation.LOOKUP)
                        || f.scenario().equals(ScaleSimulation.QUEUE))
                .toList();
        if (!scale.isEmpty()) {
            md.append("## Scale: dossier-service directly, with generated dossiers (COPY)\n\n");
            md.append("| scenario | connections | dossiers | req/s | p50 ms | p95 ms | p99 ms | non-2xx |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            scale.forEach(f -> figures(md, f));
            md.append('\n');
            for (String scenario : List.of(ScaleSimulation.LOOKUP, ScaleSimulation.QUEUE)) {
                List<Figures> rows = scale.stream()
                        .filter(f -> f.scenario().equals(scenario))
                        .toList();
                if (rows.size() >= 2) {
                    Figures small = rows.get(0);
                    Figures large = rows.get(rows.size() - 1);
                    md.append(String.format(
                            Locale.ROOT,
                            "%s: p99 with %s ÷ p99 with %s = %.2f%n%n",
                            scenario,
                            large.path(),
                            small.path(),
                            large.p99() / small.p99()));
                }
            }
        }

        md.append("## Stack at rest\n\n| figure | value |\n|---|---|\n");
        row(md, "PSS of every process the platform started, summed", settings.get("pss"));
        row(md, "processes counted", settings.get("pss.processes"));
        row(md, "`./egov up` time (warm, `./egov up`'s own JVM flags)", settings.get("up.local.seconds") + " s");
        row(md, "`./egov up` time (warm, the production JVM flags of this run)", settings.get("up.seconds") + " s");
        md.append('\n');
        md.append("Not measured by this run: ")
                .append(settings.get("not.measured"))
                .append("\n\n");
        md.append("Gatling's HTML reports (charts of every step): `")
                .append(settings.get("gatling.report"))
                .append("`\n");
        try {
            Files.writeString(settings.dir().resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("bench: report written to " + settings.dir().resolve("report.md"));
    }

    private static void figures(StringBuilder md, Figures f) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %d |%n",
                f.scenario(),
                f.connections(),
                f.path(),
                f.perSecond(),
                f.p50(),
                f.p95(),
                f.p99(),
                f.nonSuccess()));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
