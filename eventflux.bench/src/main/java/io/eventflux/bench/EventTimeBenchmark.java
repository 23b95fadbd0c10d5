package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.EventFluxRuntime;
import java.util.Random;
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
 * What an event-timed stream costs (README, "Event time and watermarks"): the filter of
 * {@link InlineBenchmark} on a stream with an event-time attribute, inline, one event per {@code send}.
 * {@code plain}: no {@code event.time}, events sent in order; {@code eventTime}: {@code event.time} with a
 * 64 ms delay, every block of 64 events sent in a shuffled order (each event is buffered, then released in
 * order). Score = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EventTimeBenchmark {
    private static final int BLOCK = 64;

    @Param({"plain", "eventTime"})
    public String stream;

    private EventFluxRuntime runtime;
    private AppRuntime app;
    private InputHandler input;
    private Object[][] rows;
    private int[] order;
    private final BenchApps.OutputCounter output = new BenchApps.OutputCounter();
    private long base;
    private long sent;

    @Setup(Level.Trial)
    public void deploy() throws CompileException {
        runtime = EventFluxRuntime.withServiceLoader(EventTimeBenchmark.class.getClassLoader());
        String with = stream.equals("eventTime") ? " WITH ('event.time' = 'ts', 'watermark.delay' = '" + BLOCK + "')" : "";
        app = runtime.deploy("@app:metrics(latency = 'off')\nCREATE STREAM S (ts LONG, symbol STRING, price DOUBLE, "
                + "volume LONG)" + with + ";\nINSERT INTO Out SELECT symbol, price * 2 AS p FROM S WHERE price > 50;",
                DeployOptions.playback().withName("bench"));
        app.addCallback("Out", output);
        input = app.inputHandler("S");
        Object[][] data = BenchApps.data();
        rows = new Object[data.length][];
        order = new int[data.length];
        Random random = new Random(42);
        for (int i = 0; i < data.length; i++) {
            rows[i] = new Object[] {0L, data[i][0], data[i][1], data[i][2]};
            order[i] = i;
        }
        if (stream.equals("eventTime")) {
            for (int from = 0; from < order.length; from += BLOCK) {
                for (int i = Math.min(order.length, from + BLOCK) - 1; i > from; i--) {
                    int j = from + random.nextInt(i - from + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchApps.BATCH)
    public long perEvent() {
        for (int i : order) {
            Object[] row = rows[i].clone();
            long ts = base + i;
            row[0] = ts;
            input.send(ts, row);
        }
        base += rows.length;
        sent += rows.length;
        return output.count();
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        app.shutdown(); // releases what the event-time buffer still holds
        runtime.close();
        if (output.count() != sent / 2) {
            throw new IllegalStateException(stream + ": " + sent + " events in, " + output.count()
                    + " out, expected " + sent / 2 + ": the figures are invalid");
        }
    }
}
