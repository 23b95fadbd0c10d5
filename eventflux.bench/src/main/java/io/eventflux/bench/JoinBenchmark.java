package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.EventFluxRuntime;
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
 * Joins (SQL.md 3.4, 3.6), inline playback: a windowed equi-join of two streams and a stream-table lookup
 * join. {@value #KEYS} reference rows with distinct keys are loaded first (into R's length window, or the
 * table); then every measured event of S finds exactly one partner through the hash index (window) or the
 * primary key (table), so each event in gives one row out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class JoinBenchmark {
    static final int KEYS = 1000;
    private static final String STREAMS = "CREATE STREAM S (symbol STRING, price DOUBLE, volume LONG);\n"
            + "CREATE STREAM R (symbol STRING, ref DOUBLE);\n";

    @Param({"windowedEquiJoin", "tableLookupJoin"})
    public String app;

    private EventFluxRuntime runtime;
    private InputHandler input;
    private Object[][] data;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long timestamp;
    private long sent;

    static String sql(String app) {
        return switch (app) {
            case "windowedEquiJoin" -> STREAMS + "INSERT INTO Out SELECT S.symbol AS symbol, price, ref "
                    + "FROM S WINDOW('length', " + KEYS + ") JOIN R WINDOW('length', " + KEYS + ") "
                    + "ON S.symbol = R.symbol;";
            case "tableLookupJoin" -> STREAMS + "CREATE TABLE T (symbol STRING PRIMARY KEY, ref DOUBLE);\n"
                    + "INSERT INTO T SELECT symbol, ref FROM R;\n"
                    + "INSERT INTO Out SELECT S.symbol AS symbol, price, ref FROM S JOIN T ON S.symbol = T.symbol;";
            default -> throw new IllegalArgumentException(app);
        };
    }

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(JoinBenchmark.class.getClassLoader());
        AppRuntime appRuntime = runtime.deploy(sql(app), DeployOptions.playback().withName("bench"));
        InputHandler ref = appRuntime.inputHandler("R");
        for (int k = 0; k < KEYS; k++) {
            ref.send(++timestamp, new Object[] {"K" + k, (double) k});
        }
        appRuntime.addCallback("Out", output);
        input = appRuntime.inputHandler("S");
        data = new Object[BenchApps.BATCH][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new Object[] {"K" + (i * 7919 % KEYS), 100.0 + i, (long) i};
        }
    }

    /** One event per {@code send} call; each finds one partner. */
    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (Object[] row : data) {
            input.send(++timestamp, row);
        }
        sent += data.length;
        return output.count();
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        runtime.close();
        if (output.count() != sent) {
            throw new IllegalStateException(app + ": " + sent + " events in, " + output.count()
                    + " out, expected one row per event: the figures are invalid");
        }
    }
}
