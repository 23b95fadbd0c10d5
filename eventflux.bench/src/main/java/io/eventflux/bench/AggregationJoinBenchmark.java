package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.EventFluxRuntime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A stream joined with an incremental aggregation (SQL.md 6), inline playback: {@value #KEYS} keys with an
 * event in each of 24 hour buckets; each query event reads its key's 24 hour rows ({@code WITHIN} the day
 * {@code PER 'hours'}). {@code lookup}: {@code ON Q.sym = a.sym} looks up the key in each bucket;
 * {@code scan}: the same condition written without an equality builds all {@value #KEYS} x 24 rows and
 * filters them (what every such join did before). Teardown checks that each query event joined 24 rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AggregationJoinBenchmark {
    static final int KEYS = 1_000;
    private static final long DAY = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @Param({"lookup", "scan"})
    public String on;

    private EventFluxRuntime runtime;
    private AppRuntime app;
    private InputHandler query;
    private final AtomicLong joined = new AtomicLong();
    private Object[][] queries;
    private int cursor;
    private long timestamp;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        String condition = on.equals("lookup") ? "Q.sym = a.sym" : "NOT (Q.sym <> a.sym) AND Q.sym IS NOT NULL";
        runtime = EventFluxRuntime.withServiceLoader(AggregationJoinBenchmark.class.getClassLoader());
        app = runtime.deploy("CREATE STREAM Trades (sym STRING, price DOUBLE, ts LONG);\n"
                + "CREATE STREAM Q (sym STRING);\n"
                + "CREATE AGGREGATION Agg AS SELECT sym, sum(price) AS total, count() AS n FROM Trades GROUP BY sym "
                + "AGGREGATE BY ts EVERY HOURS ... DAYS;\n"
                + "INSERT INTO Out SELECT Q.sym AS sym, a.AGG_TIMESTAMP AS hour, a.total AS total FROM Q JOIN Agg AS a "
                + "ON " + condition + " WITHIN " + DAY + ", " + (DAY + 86_400_000L) + " PER 'hours';\n",
                DeployOptions.playback().withName("aggjoin"));
        app.addCallback("Out", events -> joined.addAndGet(events.size()));
        InputHandler trades = app.inputHandler("Trades");
        for (int h = 0; h < 24; h++) {
            for (int k = 0; k < KEYS; k++) {
                trades.send(++timestamp, new Object[] {"K" + k, 1.0 + k, DAY + h * 3_600_000L + k});
            }
        }
        query = app.inputHandler("Q");
        queries = new Object[KEYS][];
        for (int k = 0; k < KEYS; k++) {
            queries[k] = new Object[] {"K" + (k * 7 % KEYS)};
        }
    }

    /** One query event, keys cycling. */
    @Benchmark
    public long perQueryEvent() {
        query.send(++timestamp, queries[cursor]);
        cursor = cursor + 1 == KEYS ? 0 : cursor + 1;
        return ++sent;
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        try {
            if (joined.get() != sent * 24) {
                throw new IllegalStateException(sent + " query events joined " + joined.get() + " rows, expected "
                        + sent * 24 + ": the figures are invalid");
            }
        } finally {
            runtime.close();
        }
    }
}
