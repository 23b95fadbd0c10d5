package io.eventflux.api.management;

import java.util.List;

/**
 * How long one query took to process the chunks it received (a sample of them), as a histogram with fixed buckets (the shape
 * of a Prometheus histogram). The time of a chunk runs from the moment the query receives it to the moment
 * it returns, on the app's writer thread: it includes what the query's output does synchronously (the
 * queries it feeds, inline sinks); timers firing in its windows are not chunks and are not counted.
 *
 * <p>A snapshot read while the writer runs: {@code count} is the sum of the buckets read (so never below
 * the last cumulative count: the rest took longer than the last bound), and {@code sumNanos} may lag a
 * chunk behind the counts. An app deployed with {@code @app:metrics(latency = 'off')} has none.
 *
 * @param upperBoundsNanos the buckets' inclusive upper bounds in nanoseconds, ascending; the implicit last
 *     bucket ({@code +Inf}) is not listed
 * @param cumulativeCounts for each bound, the chunks that took at most that long (non-decreasing)
 * @param count the chunks timed (the {@code +Inf} bucket): one in {@code sampleEvery} of those processed
 * @param sumNanos the total time of those chunks in nanoseconds
 * @param chunks every chunk the query processed, timed or not
 * @param sampleEvery one chunk in this many is timed (1: every chunk; {@code @app:metrics(latency = ...)})
 */
public record QueryLatency(List<Long> upperBoundsNanos, List<Long> cumulativeCounts, long count, long sumNanos,
        long chunks, int sampleEvery) {
    /** A histogram of every chunk (nothing sampled out). */
    public QueryLatency(List<Long> upperBoundsNanos, List<Long> cumulativeCounts, long count, long sumNanos) {
        this(upperBoundsNanos, cumulativeCounts, count, sumNanos, count, 1);
    }

    public QueryLatency {
        if (sampleEvery < 1 || chunks < count) {
            throw new IllegalArgumentException("sampleEvery " + sampleEvery + " < 1 or chunks " + chunks
                    + " < timed " + count);
        }
        upperBoundsNanos = List.copyOf(upperBoundsNanos);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (upperBoundsNanos.size() != cumulativeCounts.size()) {
            throw new IllegalArgumentException(upperBoundsNanos.size() + " bucket bounds but "
                    + cumulativeCounts.size() + " counts");
        }
        if (count < 0 || sumNanos < 0) {
            throw new IllegalArgumentException("negative count " + count + " or sum " + sumNanos);
        }
    }

    /** The mean time of a chunk in nanoseconds, 0 before the first chunk. */
    public double meanNanos() {
        return count == 0 ? 0 : (double) sumNanos / count;
    }
}
