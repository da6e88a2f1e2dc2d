package vn.egov.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fixed passes of a background task, and the pass a caller asks for at once ({@code runSoon}). */
class PeriodicTaskTest {

    /** A task whose fixed passes are an hour apart: any pass within the test is one asked for. */
    private static final class Counted extends PeriodicTask {
        final AtomicInteger passes = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);

        Counted() {
            super("periodic-task-test", Duration.ofHours(1), Duration.ofHours(1));
        }

        @Override
        protected void tick() {
            passes.incrementAndGet();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aPassAskedForRunsAtOnceAndCallsWhileOneWaitsMakeNoOther() throws Exception {
        Counted task = new Counted();
        task.runSoon(); // before start: nothing, and no error
        task.start();
        try {
            task.runSoon();
            await().atMost(Duration.ofSeconds(5)).until(() -> task.passes.get() == 1);

            // one pass running and held; a hundred calls meanwhile make one more pass, not a hundred
            task.hold = new CountDownLatch(1);
            task.runSoon();
            await().atMost(Duration.ofSeconds(5)).until(() -> task.passes.get() == 2);
            for (int i = 0; i < 100; i++) {
                task.runSoon();
            }
            task.hold.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> task.passes.get() == 3);
            Thread.sleep(300);
            assertThat(task.passes.get()).isEqualTo(3);
        } finally {
            task.stop();
        }
        task.runSoon(); // after stop: nothing, and no error
        assertThat(task.passes.get()).isEqualTo(3);
    }
}
