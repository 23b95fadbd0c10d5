package io.eventflux.bench;

import io.eventflux.api.Event;
import io.eventflux.api.StreamCallback;
import java.util.ArrayList;
import java.util.List;

/** The benchmarked apps and their input, shared by the benchmarks. */
final class BenchApps {
    /** Events sent per benchmark invocation (the figures are per event: {@code @OperationsPerInvocation}). */
    static final int BATCH = 1024;

    private static final String SCHEMA = "CREATE STREAM S (symbol STRING, price DOUBLE, volume LONG);\n";
    private static final String[] SYMBOLS = {"IBM", "MSFT", "ORCL", "AAPL", "GOOG", "AMZN", "META", "NVDA"};

    private BenchApps() {
    }

    /** The SQL of an app, by the name used in {@code @Param}. */
    static String sql(String app) {
        return switch (app) {
            // half of the events pass the filter (prices alternate 25 and 75)
            case "filterProjection" -> SCHEMA + "INSERT INTO Out SELECT symbol, price * 2 AS p FROM S WHERE price > 50;";
            case "lengthWindowAvg" -> SCHEMA + "INSERT INTO Out SELECT symbol, avg(price) AS a FROM S WINDOW('length', 100);";
            // events are 1 ms apart: a flush every BATCH events, one row for each of the 8 symbols. The
            // batches are aligned to the chunks of the chunk benchmark (timestamps 1 + k * BATCH ...), because
            // a chunk is processed at its latest timestamp: timers up to it fire before its first event
            case "timeBatchGroupBy" -> SCHEMA + "INSERT INTO Out SELECT symbol, sum(volume) AS total, count() AS n "
                    + "FROM S WINDOW('timeBatch', " + BATCH + ", 1) GROUP BY symbol;";
            // events are 1 ms apart: the window holds the last 100, each arrival expires one (by a timer)
            case "timeWindowAvg" -> SCHEMA + "INSERT INTO Out SELECT symbol, avg(price) AS a FROM S WINDOW('time', 100);";
            default -> throw new IllegalArgumentException("unknown app " + app);
        };
    }

    /** How many output events an app emits for {@code sent} input events. */
    static long expectedOutput(String app, long sent) {
        return switch (app) {
            case "filterProjection" -> sent / 2;
            // timestamps 1..sent: boundaries 1 + BATCH, 1 + 2 * BATCH, ... each flushed once an event reaches it
            case "timeBatchGroupBy" -> SYMBOLS.length * ((sent - 1) / BATCH);
            default -> sent;
        };
    }

    /** {@link #BATCH} data arrays in schema order; the engine never modifies them, so they are reused. */
    static Object[][] data() {
        Object[][] data = new Object[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            data[i] = new Object[] {SYMBOLS[i % SYMBOLS.length], i % 2 == 0 ? 25.0 : 75.0, (long) i};
        }
        return data;
    }

    /** One chunk of events with timestamps {@code firstTimestamp}, +1, ... */
    static List<Event> chunk(Object[][] data, long firstTimestamp) {
        List<Event> chunk = new ArrayList<>(data.length);
        for (int i = 0; i < data.length; i++) {
            chunk.add(new Event(firstTimestamp + i, data[i]));
        }
        return chunk;
    }

    /** Counts output events; written only by the app's writer thread, read by the benchmark thread. */
    static final class OutputCounter implements StreamCallback {
        private volatile long count;

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField") // single writer
        public void receive(List<Event> events) {
            count += events.size();
        }

        long count() {
            return count;
        }
    }
}
