package vn.egov.bench;

import java.util.HashSet;
import java.util.Set;

/** The progress line: which step runs now (once per step, among Gatling's own console output). */
final class Progress {

    private static final Set<String> SHOWN = new HashSet<>();

    private Progress() {}

    static synchronized void show(String step) {
        if (SHOWN.add(step)) {
            System.out.println("bench ▶ " + step);
        }
    }
}
