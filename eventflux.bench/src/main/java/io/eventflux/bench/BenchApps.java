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
            default -> throw new IllegalArgumentException("unknown app " + app);
        };
    }

    /** How many output events an app emits for {@code sent} input events. */
    static long expectedOutput(String app, long sent) {
        return app.equals("filterProjection") ? sent / 2 : sent;
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
