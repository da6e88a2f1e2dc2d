package vn.egov.dossier.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock shifted by an offset that tests may change at run time (only ever created when
 * {@code egov.dossier.test-clock.enabled=true}). Time keeps flowing: the offset is added to the real
 * time on every read, so "three days later" stays three days later for the rest of a test.
 */
final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    Duration offset() {
        return offset.get();
    }

    /** Moves the clock to real time + {@code by} (not cumulative: the same call twice gives the same time). */
    void setOffset(Duration by) {
        offset.set(by);
    }

    /** Moves the clock so that it reads {@code instant} now, and runs on from there. */
    void setInstant(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // shares the offset: a zoned view moves with the original
        return new MovableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
