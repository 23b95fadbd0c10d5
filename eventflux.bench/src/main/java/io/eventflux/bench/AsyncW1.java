package io.eventflux.bench;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamCallback;
import io.eventflux.engine.EventFluxRuntime;
import java.util.Arrays;
import java.util.List;

/**
 * Workload W1 ({@link Workload#W1}: {@code SELECT symbol, price FROM StockStream WHERE price > 50}) deployed in
 * asynchronous mode: senders publish into the app's Disruptor ring, the app's writer thread runs the query and
 * calls {@link Output}. The seeded rows are sent in order, round after round; since the filter keeps the
 * order, the k-th output is the k-th passing row, which {@link Output} checks for every output.
 */
final class AsyncW1 implements AutoCloseable {
    /** Reacts to each output with the global index of the input that produced it (writer thread). */
    interface OutputListener {
        void onOutput(long inputIndex, long callbackNanos);
    }

    private final Object[][] rows;
    /** Indexes of the rows with price > 50, ascending. */
    private final int[] passing;
    private final EventFluxRuntime runtime;
    private final InputHandler input;
    private final Output output;

    /**
     * @param wait the ring's {@code async.wait} ('blocking', 'sleeping', 'yielding', 'busy-spin')
     * @param batchSizeMax the ring's {@code async.batch_size_max}
     * @param ringSize the ring's capacity (a power of two)
     * @param listener told of every output, or null
     */
    AsyncW1(Object[][] rows, String wait, int batchSizeMax, int ringSize, OutputListener listener)
            throws CompileException {
        this.rows = rows;
        this.passing = passingRows(rows);
        this.runtime = EventFluxRuntime.withServiceLoader(AsyncW1.class.getClassLoader());
        AppRuntime app = runtime.deploy(sql(wait, batchSizeMax),
                DeployOptions.defaults().withName("w1async").withRingBufferSize(ringSize));
        this.output = new Output(listener);
        app.addCallback("Out", output);
        this.input = app.inputHandler("StockStream");
    }

    static String sql(String wait, int batchSizeMax) {
        return "@app:async(wait = '" + wait + "', batch_size_max = '" + batchSizeMax + "')\n" + Workload.W1.sql();
    }

    static int[] passingRows(Object[][] rows) {
        int[] out = new int[rows.length];
        int n = 0;
        for (int i = 0; i < rows.length; i++) {
            if ((Double) rows[i][1] > 50) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Sends input number {@code i} (row {@code i % rows}). */
    void send(long i) {
        input.send(rows[(int) (i % rows.length)]);
    }

    int rowCount() {
        return rows.length;
    }

    /** How many outputs the first {@code inputs} inputs produce. */
    long expectedOutputs(long inputs) {
        long rounds = inputs / rows.length;
        int rest = (int) (inputs % rows.length);
        int below = Arrays.binarySearch(passing, rest);
        return rounds * passing.length + (below >= 0 ? below : -below - 1);
    }

    /** Outputs so far (any thread). */
    long outputs() {
        return output.count;
    }

    /** The app's writer thread (the callback's), or null before the first output. */
    Thread writer() {
        return output.writer;
    }

    /** Outputs whose values were not those of the passing row expected at their position. */
    long mismatches() {
        return output.mismatches;
    }

    /** Waits, polling, until {@code expected} outputs arrived or {@code timeoutNanos} passed; true if they did. */
    boolean awaitOutputs(long expected, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (output.count < expected) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Counts and checks the outputs on the writer thread; no allocation. */
    private final class Output implements StreamCallback {
        private final OutputListener listener;
        private volatile long count;
        private volatile long mismatches;
        private volatile Thread writer;
        private int position;
        private long round;

        Output(OutputListener listener) {
            this.listener = listener;
        }

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField") // the writer thread is the only writer
        public void receive(List<Event> events) {
            long now = listener == null ? 0 : System.nanoTime();
            if (writer == null) {
                writer = Thread.currentThread();
            }
            long bad = 0;
            for (int i = 0, n = events.size(); i < n; i++) {
                Event e = events.get(i);
                int row = passing[position];
                Object[] expected = rows[row];
                if (!expected[0].equals(e.get(0)) || !expected[1].equals(e.get(1))) {
                    bad++;
                }
                if (listener != null) {
                    listener.onOutput(round * rows.length + row, now);
                }
                if (++position == passing.length) {
                    position = 0;
                    round++;
                }
            }
            if (bad > 0) {
                mismatches += bad;
            }
            count += events.size();
        }
    }
}
