package io.eventflux.engine.internal.app;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How an app's ring (asynchronous mode) waits for work and batches it: the app options {@value #WAIT} and
 * {@value #BATCH_SIZE_MAX}, written {@code @app:async(wait = 'yielding', batch_size_max = '64')} in the SQL or
 * under {@code [application]} in the configuration file (the SQL wins). Ignored in inline mode, validated
 * in both.
 *
 * @param waitStrategy how the writer thread waits for the next event
 * @param batchSizeMax at most this many consecutive events of one stream taken from the ring are processed
 *        as one chunk (1: every event is its own chunk)
 */
record RingOptions(Wait waitStrategy, int batchSizeMax) {
    static final String WAIT = "async.wait";
    static final String BATCH_SIZE_MAX = "async.batch_size_max";
    static final int DEFAULT_BATCH_SIZE_MAX = 256;
    static final RingOptions DEFAULTS = new RingOptions(Wait.BLOCKING, DEFAULT_BATCH_SIZE_MAX);

    /** The writer's wait strategies, from the least CPU to the lowest latency. */
    enum Wait {
        /** Spins ~a few µs, then parks until a producer unparks it: idle costs nothing, waking costs ~10-50 µs. */
        BLOCKING("blocking", ParkingWaitStrategy::new),
        /** Spins, yields, then sleeps 100 ns at a time: no signalling for producers, a little idle CPU. */
        SLEEPING("sleeping", SleepingWaitStrategy::new),
        /** Spins, then {@code Thread.yield()} in a loop: low latency, a busy core while idle. */
        YIELDING("yielding", YieldingWaitStrategy::new),
        /** Spins forever: the lowest latency, a whole core always; only with a core to spare. */
        BUSY_SPIN("busy-spin", BusySpinWaitStrategy::new);

        private final String option;
        private final Supplier<WaitStrategy> factory;

        Wait(String option, Supplier<WaitStrategy> factory) {
            this.option = option;
            this.factory = factory;
        }

        String option() {
            return option;
        }

        WaitStrategy create() {
            return factory.get();
        }
    }

    RingOptions {
        if (batchSizeMax < 1) {
            throw new IllegalArgumentException("batchSizeMax must be at least 1, was " + batchSizeMax);
        }
    }

    /**
     * Reads the options from the SQL's app options over the configuration's {@code [application]} table.
     *
     * @throws IllegalArgumentException for an unknown value, naming the app, the option and the value
     */
    static RingOptions of(String app, Map<String, String> sqlOptions, Map<String, String> configOptions) {
        String wait = find(WAIT, sqlOptions, configOptions);
        String batch = find(BATCH_SIZE_MAX, sqlOptions, configOptions);
        return new RingOptions(wait == null ? Wait.BLOCKING : parseWait(app, wait),
                batch == null ? DEFAULT_BATCH_SIZE_MAX : parseBatch(app, batch));
    }

    private static Wait parseWait(String app, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Wait w : Wait.values()) {
            if (w.option.equals(v) || (w == Wait.BUSY_SPIN && v.equals("busyspin"))) {
                return w;
            }
        }
        throw new IllegalArgumentException("app '" + app + "': " + WAIT + " = '" + value + "': use one of "
                + Arrays.stream(Wait.values()).map(w -> "'" + w.option + "'").collect(Collectors.joining(", ")));
    }

    private static int parseBatch(String app, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("app '" + app + "': " + BATCH_SIZE_MAX + " = '" + value
                + "': use a whole number >= 1 (1 processes every event as its own chunk)");
    }

    private static String find(String key, Map<String, String> sql, Map<String, String> config) {
        String v = lookup(key, sql);
        return v != null ? v : lookup(key, config);
    }

    private static String lookup(String key, Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
