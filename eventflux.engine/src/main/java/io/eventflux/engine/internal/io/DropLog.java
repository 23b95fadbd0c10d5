package io.eventflux.engine.internal.io;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warning for dropped events, at most one line per {@value #INTERVAL_SECONDS} s with the number of lines
 * suppressed since the last one, so that a stream of bad events cannot flood the log (they are counted
 * elsewhere). Shared by connectors' error strategies, event-time gates and aggregations; any thread.
 */
public final class DropLog {
    /** The shortest time between two lines. */
    public static final int INTERVAL_SECONDS = 10;

    private final System.Logger log;
    private final String prefix;
    private final AtomicLong nextLogNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    /** @param prefix put before every message (e.g. {@code "app 'A': "}), or "" */
    public DropLog(System.Logger log, String prefix) {
        this.log = log;
        this.prefix = prefix;
    }

    /** Logs {@code "dropped " + what}, unless a line was logged less than the interval ago. */
    public void dropped(String what) {
        long now = System.nanoTime();
        long next = nextLogNanos.get();
        if (next != Long.MIN_VALUE && now - next < 0
                || !nextLogNanos.compareAndSet(next, now + TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS))) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        log.log(Level.WARNING, prefix + "dropped " + what
                + (skipped > 0 ? " [" + skipped + " similar message(s) suppressed]" : ""));
    }
}
