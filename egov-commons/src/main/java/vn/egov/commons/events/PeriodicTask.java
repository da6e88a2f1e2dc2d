package vn.egov.commons.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * A pass of background work on a thread of its own, from application start to shutdown, with a fixed
 * pause between passes. Stops before the datasource and the Kafka producer go away. A pass that throws is
 * the subclass's to log; the next one runs anyway.
 */
abstract class PeriodicTask implements SmartLifecycle {

    private final String threadName;
    private final Duration firstDelay;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;
    private final AtomicBoolean soon = new AtomicBoolean();

    PeriodicTask(String threadName, Duration firstDelay, Duration interval) {
        this.threadName = threadName;
        this.firstDelay = firstDelay;
        this.interval = interval;
    }

    /** One pass; called on the task's own thread. */
    protected abstract void tick();

    /**
     * One more pass as soon as the task's thread is free, besides the fixed ones: calls while one is waiting make no
     * other. Never throws (before start and after stop it does nothing), so a committing thread may call it.
     */
    protected void runSoon() {
        ScheduledExecutorService running = executor;
        if (running == null || !soon.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                soon.set(false);
                tick();
            });
        } catch (RejectedExecutionException stopping) {
            soon.set(false);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // stop before the datasource and the Kafka producer go away
        return Integer.MAX_VALUE - 100;
    }
}
