package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.EventFluxRuntime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An incremental aggregation (SQL.md 6), inline playback: {@code sum, count, avg} per key at SECONDS ... DAYS
 * (four granularities, each event updates four buckets) over {@value #KEYS} keys; events 1 ms apart, so a
 * second bucket holds 1000 events, a minute bucket 60 000 keys, the hour and day buckets every key. Retention:
 * 120 second buckets (the default) and 10 minute buckets, so at most ~1 M cells are held (the default 1440
 * minute buckets would hold up to 100 000 keys in each of them: far more than the 1 GB heap).
 * Teardown checks that the day buckets counted every event sent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AggregationBenchmark {
    static final int KEYS = 100_000;
    /** DOUBLE sums are exact (order-independent): {@code integersOnly} shows what that costs. */
    @Param({"doublesAndLongs", "integersOnly"})
    public String select;

    static String sql(String select) {
        String columns = select.equals("integersOnly") ? "count() AS n, sum(volume) AS vol"
                : "sum(price) AS total, count() AS n, avg(price) AS avgPrice, sum(volume) AS vol";
        return "CREATE STREAM S (symbol STRING, price DOUBLE, volume LONG);\n"
                + "CREATE AGGREGATION Agg AS SELECT symbol, " + columns
                + " FROM S GROUP BY symbol AGGREGATE EVERY SECONDS ... DAYS WITH ('retention.minutes' = '10');";
    }

    private EventFluxRuntime runtime;
    private AppRuntime app;
    private InputHandler input;
    private Object[][] data;
    private int cursor;
    private long timestamp;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(AggregationBenchmark.class.getClassLoader());
        app = runtime.deploy(sql(select), DeployOptions.playback().withName("bench"));
        input = app.inputHandler("S");
        data = new Object[KEYS][];
        for (int i = 0; i < KEYS; i++) {
            data[i] = new Object[] {"K" + (i * 7919L % KEYS), 100.0 + (i % 1000) / 100.0, (long) i};
        }
    }

    /** One event per {@code send} call, keys cycling over all {@value #KEYS}. */
    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (int i = 0; i < BenchApps.BATCH; i++) {
            input.send(++timestamp, data[cursor]);
            cursor = cursor + 1 == KEYS ? 0 : cursor + 1;
        }
        sent += BenchApps.BATCH;
        return sent;
    }

    @TearDown(Level.Trial)
    public void checkAndClose() throws CompileException {
        try {
            List<List<Object>> rows = app.query("SELECT sum(n) AS events FROM Agg WITHIN 0, 9999999999999 PER 'days'")
                    .rowLists();
            long counted = rows.isEmpty() || rows.get(0).get(0) == null ? 0 : (Long) rows.get(0).get(0);
            if (counted != sent) {
                throw new IllegalStateException(sent + " events in, the day buckets counted " + counted
                        + ": the figures are invalid");
            }
        } finally {
            runtime.close();
        }
    }
}
