package vn.egov.guard;

import java.util.List;

/** Thrown at start-up outside the local and test profiles; lists every problem at once, never a value. */
public class UnsafeConfigurationException extends IllegalStateException {

    private final List<String> problems;

    public UnsafeConfigurationException(List<String> problems, List<String> activeProfiles) {
        super("refusing to start: no local or test profile is active (active: " + activeProfiles
                + "), so this is production, and its configuration is unsafe: " + String.join("; ", problems)
                + ". See docs/security.md (production guard); for a local run use SPRING_PROFILES_ACTIVE=local");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
