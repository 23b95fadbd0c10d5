package io.eventflux.engine.internal.query;

import io.eventflux.api.management.QueryLatency;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The time one query takes per chunk, in fixed buckets. Written by the app's writer thread only (one
 * writer at a time: the inline driver's lock or the ring's consumer), with plain reads and release writes:
 * no lock, no atomic read-modify-write, no allocation. Read from any thread with acquire reads.
 */
public final class LatencyHistogram {
    /** Upper bounds, nanoseconds: 1 µs to 10 s in 1-2.5-5 steps (Prometheus' usual shape). */
    static final long[] BOUNDS_NANOS = {
        1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L, 100_000L, 250_000L, 500_000L,
        1_000_000L, 2_500_000L, 5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L,
        500_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L};

    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle SUM;

    static {
        try {
            SUM = MethodHandles.lookup().findVarHandle(LatencyHistogram.class, "sumNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] bounds = BOUNDS_NANOS;
    /** Per bucket, not cumulative; the last one is {@code +Inf}. */
    private final long[] counts = new long[BOUNDS_NANOS.length + 1];
    @SuppressWarnings("unused") // through SUM
    private long sumNanos;

    /** Counts one chunk that took {@code nanos}. Writer thread. */
    public void record(long nanos) {
        long[] b = bounds;
        int i = 0;
        while (i < b.length && nanos > b[i]) {
            i++;
        }
        COUNTS.setRelease(counts, i, (long) COUNTS.get(counts, i) + 1);
        SUM.setRelease(this, (long) SUM.get(this) + Math.max(0, nanos));
    }

    /** A consistent-enough copy for management: the count is the sum of the buckets read. Any thread. */
    public QueryLatency snapshot() {
        List<Long> upper = new ArrayList<>(bounds.length);
        List<Long> cumulative = new ArrayList<>(bounds.length);
        // the sum first: it is written after the counts, so it never runs ahead of them
        long sum = (long) SUM.getAcquire(this);
        long total = 0;
        for (int i = 0; i < bounds.length; i++) {
            total += (long) COUNTS.getAcquire(counts, i);
            upper.add(bounds[i]);
            cumulative.add(total);
        }
        total += (long) COUNTS.getAcquire(counts, bounds.length);
        return new QueryLatency(upper, cumulative, total, sum);
    }
}
