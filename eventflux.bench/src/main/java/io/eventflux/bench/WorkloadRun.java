package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamCallback;
import io.eventflux.engine.EventFluxRuntime;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * One workload deployed once in this JVM, replayed round after round: inline (synchronous) mode, events
 * sent one by one from this thread through {@link InputHandler#send(Object...)} (W5: the playback clock
 * and {@link InputHandler#send(long, Object[])}, its event time advancing by {@code n * 110} ms per round),
 * a callback on {@code Out} that counts the output events. The rows are generated before any timing.
 */
final class WorkloadRun implements AutoCloseable {
    private final Workload workload;
    private final Object[][] rows;
    private final EventFluxRuntime runtime;
    private final InputHandler stock;
    private final InputHandler trade;
    private final Counter out = new Counter();
    /** W5: the event time of the next event ({@link Workload#W5_EPOCH} + 110 ms per event sent before). */
    private long timeOfNext = Workload.W5_EPOCH;
    private long lastAllocated;
    private long lastCpuNanos;

    /** @param n events per round (the workload's own count for the standard figures) */
    WorkloadRun(Workload workload, int n) throws CompileException {
        this.workload = workload;
        this.rows = Workload.rows(n);
        this.runtime = EventFluxRuntime.withServiceLoader(WorkloadRun.class.getClassLoader());
        DeployOptions options = workload == Workload.W5
                ? DeployOptions.playback()
                : DeployOptions.defaults().withSynchronous(true);
        AppRuntime app = runtime.deploy(workload.sql(), options.withName("bench-" + workload.name().toLowerCase()));
        app.addCallback("Out", out);
        this.stock = app.inputHandler("StockStream");
        this.trade = workload == Workload.W4 ? app.inputHandler("TradeStream") : null;
    }

    /** Sends the rows once; returns the nanoseconds it took. {@link #lastOutputs()} is this round's count. */
    long round() {
        out.count = 0;
        long allocatedBefore = allocated();
        long cpuBefore = cpu();
        long start = System.nanoTime();
        send(0, rows.length);
        long elapsed = System.nanoTime() - start;
        lastCpuNanos = cpu() - cpuBefore;
        lastAllocated = allocated() - allocatedBefore;
        return elapsed;
    }

    /**
     * The CPU time this thread used during the last round (-1 if the JVM cannot tell): on a machine shared
     * with other work, events per CPU second compare builds far more steadily than the wall clock.
     */
    long lastCpuNanos() {
        return lastCpuNanos;
    }

    private static long cpu() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : -1;
    }

    /** Bytes this thread allocated during the last round (-1 if the JVM cannot tell). */
    long lastAllocated() {
        return lastAllocated;
    }

    private static long allocated() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getCurrentThreadAllocatedBytes() : -1;
    }

    /**
     * Sends rows {@code from} (inclusive) to {@code to} (exclusive). W4: even rows into StockStream, odd rows
     * into TradeStream; W5: every event sent so far advanced the event time by 110 ms.
     */
    void send(int from, int to) {
        switch (workload) {
            case W4 -> sendAlternating(from, to);
            case W5 -> sendTimed(from, to);
            default -> sendAll(from, to);
        }
    }

    private void sendAll(int from, int to) {
        InputHandler in = stock;
        Object[][] r = rows;
        for (int i = from; i < to; i++) {
            in.send(r[i]);
        }
    }

    private void sendAlternating(int from, int to) {
        InputHandler s = stock;
        InputHandler t = trade;
        Object[][] r = rows;
        for (int i = from; i < to; i++) {
            ((i & 1) == 0 ? s : t).send(r[i]);
        }
    }

    private void sendTimed(int from, int to) {
        InputHandler in = stock;
        Object[][] r = rows;
        long t = timeOfNext;
        for (int i = from; i < to; i++) {
            in.send(t, r[i]);
            t += Workload.W5_STEP_MS;
        }
        timeOfNext = t;
    }

    /** The output events since the last round started (all of it, for the JMH benchmark). */
    long outputs() {
        return out.count;
    }

    /** The output events of the last round. */
    long lastOutputs() {
        return out.count;
    }

    int events() {
        return rows.length;
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Counts output events; inline mode calls it on the sending thread, so a plain field suffices. */
    private static final class Counter implements StreamCallback {
        long count;

        @Override
        public void receive(List<Event> events) {
            count += events.size();
        }
    }
}
