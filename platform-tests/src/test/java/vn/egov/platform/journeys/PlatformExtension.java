package vn.egov.platform.journeys;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts the platform once for the whole run (the first journey class pays for it, the others share
 * it) and stops it when JUnit closes the root store. On a failed journey the tail of every component's
 * log is printed into the test report, and the whole logs stay in {@code target/egov/logs}.
 */
final class PlatformExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PlatformExtension.class);

    /** Closed by JUnit after the last test of the run. */
    record Running(Platform platform) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            platform.down();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    static Platform platform(ExtensionContext context) {
        return context.getRoot()
                .getStore(NS)
                .computeIfAbsent(
                        Running.class,
                        k -> {
                            Platform platform = Platform.fromSystemProperties();
                            try {
                                platform.up();
                            } catch (Exception e) {
                                String logs = platform.logTails(60);
                                try {
                                    platform.down();
                                } catch (Exception ignored) {
                                    // already failing; the start error is what matters
                                }
                                throw new IllegalStateException(
                                        "the platform did not start: " + e.getMessage() + logs, e);
                            }
                            return new Running(platform);
                        },
                        Running.class)
                .platform();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("Journey failed: " + context.getDisplayName() + ": " + cause
                + "\nLogs of the platform's components:" + platform(context).logTails(80));
    }
}
