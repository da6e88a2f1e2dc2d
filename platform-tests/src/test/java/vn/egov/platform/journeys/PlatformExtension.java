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

    /**
     * Closed by JUnit after the last test of the run: the platform first, then the OTLP receiver its services export
     * to (so that their last spans still find it).
     */
    record Running(Platform platform, OtlpReceiver receiver) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                platform.down();
            } finally {
                receiver.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    static Platform platform(ExtensionContext context) {
        return running(context).platform();
    }

    /**
     * The OTLP receiver every service of the run exports its spans to. {@code -Degov.journeys.otlp-port=4318} with
     * {@code -Degov.journeys.use-running=true}: the port a platform started by hand sends to (see the README).
     */
    static OtlpReceiver receiver(ExtensionContext context) {
        return running(context).receiver();
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot()
                .getStore(NS)
                .computeIfAbsent(
                        Running.class,
                        k -> {
                            OtlpReceiver receiver;
                            try {
                                receiver = OtlpReceiver.start(Integer.getInteger("egov.journeys.otlp-port", 0));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException("the OTLP receiver did not start", e);
                            }
                            Platform platform = Platform.fromSystemProperties(receiver.endpoint());
                            try {
                                platform.up();
                            } catch (Exception e) {
                                String logs = platform.logTails(60);
                                try {
                                    platform.down();
                                } catch (Exception ignored) {
                                    // already failing; the start error is what matters
                                }
                                receiver.close();
                                throw new IllegalStateException(
                                        "the platform did not start: " + e.getMessage() + logs, e);
                            }
                            return new Running(platform, receiver);
                        },
                        Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Platform.class || type == OtlpReceiver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OtlpReceiver.class ? receiver(context) : platform(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("Journey failed: " + context.getDisplayName() + ": " + cause
                + "\nLogs of the platform's components:" + platform(context).logTails(80));
    }
}
