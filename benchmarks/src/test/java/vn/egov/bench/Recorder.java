package vn.egov.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the client saw in each measured step: latencies in nanoseconds, non-2xx answers (a missing status is a
 * connection that failed), the first and last instant. Gatling's own statistics are in milliseconds and per
 * request name; these are kept here so that the report can put every step and ratio into one table.
 */
final class Recorder {

    /** One step: a path (direct, gateway, nginx) for one scenario at one number of connections. */
    static final class Step {
        final String scenario;
        final String path;
        final int connections;
        private final List<Long> latencies = new ArrayList<>();
        private long nonSuccess;
        private long first = Long.MAX_VALUE;
        private long last;

        Step(String scenario, String path, int connections) {
            this.scenario = scenario;
            this.path = path;
            this.connections = connections;
        }

        synchronized void add(long startNanos, long endNanos, int status) {
            latencies.add(endNanos - startNanos);
            if (status < 200 || status > 299) {
                nonSuccess++;
            }
            first = Math.min(first, startNanos);
            last = Math.max(last, endNanos);
        }

        synchronized long count() {
            return latencies.size();
        }

        synchronized long nonSuccess() {
            return nonSuccess;
        }

        /** Completed requests per second between the first request's start and the last one's end. */
        synchronized double perSecond() {
            return latencies.isEmpty() || last <= first ? 0 : latencies.size() * 1e9 / (last - first);
        }

        /** The p-th percentile (nearest rank) in milliseconds. */
        synchronized double percentileMillis(double p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private static final Map<String, Step> STEPS = new LinkedHashMap<>();

    private Recorder() {}

    static synchronized Step step(String scenario, String path, int connections) {
        return STEPS.computeIfAbsent(
                scenario + "|" + path + "|" + connections, k -> new Step(scenario, path, connections));
    }

    static synchronized Step find(String scenario, String path, int connections) {
        return STEPS.get(scenario + "|" + path + "|" + connections);
    }

    static synchronized List<Step> steps() {
        return List.copyOf(STEPS.values());
    }
}
