package io.eventflux.engine.internal.app;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.eventflux.api.Event;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Asynchronous mode: one LMAX Disruptor ring per app; producers are input handlers and the timer thread,
 * the single consumer is the app's writer thread, which runs every query of the app. A full ring blocks
 * the sender, or drops the event (counted on the stream) for streams declared with
 * {@code backpressure = 'drop'}. Shutdown stops accepting, flushes on the writer, drains and halts.
 *
 * <p>The writer waits as {@link RingOptions#waitStrategy()} says. In wall-clock mode, consecutive single events of
 * one stream that the writer finds in the ring together (up to {@link RingOptions#batchSizeMax()}) are
 * processed as one chunk, as a {@code send(List)} would be: under load the per-chunk costs are shared; an
 * idle app still processes each event as it comes. In playback mode every event stays its own chunk, so
 * timers fire between events exactly as inline. The producers' path takes no lock: a CAS to claim a slot,
 * a release store to publish it, and an unpark only when the writer sleeps.
 */
final class RingDriver implements Driver {
    private static final System.Logger LOG = System.getLogger(RingDriver.class.getName());

    private static final int EVENT = 1;
    private static final int EVENTS = 2;
    private static final int ADVANCE = 3;
    private static final int WAKE = 4;
    private static final int TASK = 5;

    /** How a sender waits for room in a full ring: spins, then yields, then parks this long at a time. */
    private static final int FULL_SPINS = 8;
    private static final int FULL_YIELDS = 8;
    private static final long FULL_PARK_NANOS = 20_000;

    /** One ring entry; its fields are cleared after processing so nothing is kept alive. */
    static final class Slot {
        int kind;
        StreamJunction junction;
        Event event;
        List<Event> events;
        long time;
        Runnable task;
    }

    private final String app;
    private final WriterCore core;
    private final WallWaker waker;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Thread writer;

    /** @param batchSizeMax consecutive events of a stream processed as one chunk; 1 for none (playback) */
    RingDriver(String app, WriterCore core, WallWaker waker, int size, RingOptions.Wait wait, int batchSizeMax) {
        this.app = app;
        this.core = core;
        this.waker = waker;
        // MULTI also for one producer: ParkingWaitStrategy relies on the claim's compare-and-set (see there)
        this.disruptor = new Disruptor<>(Slot::new, size, r -> {
            Thread t = new Thread(r, "eventflux-" + app + "-writer");
            t.setDaemon(true);
            return t;
        }, ProducerType.MULTI, wait.create());
        // the writer hands slots back every batchSizeMax events, not only after all it found (up to the whole
        // ring): senders waiting for room refill it while the writer works on, instead of in turns
        Handler handler = new Handler(batchSizeMax);
        RingBuffer<Slot> buffer = disruptor.getRingBuffer();
        BatchEventProcessor<Slot> processor = new BatchEventProcessorBuilder().setMaxBatchSize(batchSizeMax)
                .build(buffer, buffer.newBarrier(), handler);
        processor.setExceptionHandler(new LoggingExceptionHandler());
        disruptor.handleEventsWith(processor);
        this.ring = disruptor.getRingBuffer();
        if (waker != null) {
            waker.onTick(() -> publishControl(WAKE, 0, null));
        }
    }

    @Override
    public int ringCapacity() {
        return ring.getBufferSize();
    }

    @Override
    public long ringBacklog() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    private final class Handler implements EventHandler<Slot> {
        private final int batchSizeMax;
        /** Single events taken from the ring and not processed yet, all of {@link #batchJunction}. */
        private final List<Event> batch;
        private StreamJunction batchJunction;

        Handler(int batchSizeMax) {
            this.batchSizeMax = batchSizeMax;
            this.batch = new ArrayList<>(Math.min(batchSizeMax, 1024));
        }

        @Override
        public void onStart() {
            writer = Thread.currentThread();
        }

        @Override
        public void onEvent(Slot s, long sequence, boolean endOfBatch) {
            try {
                if (s.kind == EVENT && batchSizeMax > 1) {
                    if (s.junction != batchJunction || batch.size() >= batchSizeMax) {
                        flush();
                    }
                    batchJunction = s.junction;
                    batch.add(s.event);
                    if (endOfBatch) {
                        flush();
                    }
                    return;
                }
                flush();
                switch (s.kind) {
                    case EVENT -> core.onEvent(s.junction, s.event);
                    case EVENTS -> core.onEvents(s.junction, s.events);
                    case ADVANCE -> core.onAdvance(s.time);
                    case WAKE -> {
                        if (waker != null) {
                            waker.woke();
                        }
                        core.onWake();
                    }
                    case TASK -> s.task.run();
                    default -> {
                    }
                }
            } finally {
                s.junction = null;
                s.event = null;
                s.events = null;
                s.task = null;
            }
        }

        /**
         * Processes the held events as one chunk. A failure is logged here, so the slot that made the
         * flush (a task someone waits for) still runs.
         */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                core.onEvents(batchJunction, batch);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "app '" + app + "': processing failed; the " + batch.size()
                        + " event(s) of the chunk are skipped", e);
            } finally {
                batch.clear();
                batchJunction = null;
            }
        }
    }

    private final class LoggingExceptionHandler implements ExceptionHandler<Slot> {
        @Override
        public void handleEventException(Throwable ex, long sequence, Slot event) {
            LOG.log(Level.ERROR, "app '" + app + "': processing failed; the event is skipped", ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.log(Level.ERROR, "app '" + app + "': writer failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.log(Level.WARNING, "app '" + app + "': writer failed to stop cleanly", ex);
        }
    }

    private void checkRunning() {
        if (stopped.get()) {
            throw new IllegalStateException("app '" + app + "' is stopped");
        }
    }

    /** The next slot, or -1 when the stream drops on a full ring. */
    private long claim(StreamJunction junction, int n) {
        if (junction.dropsOnBackpressure()) {
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException full) {
                junction.countDropped(n);
                return -1;
            }
        }
        return next();
    }

    /**
     * Claims a slot, waiting while the ring is full. Not {@code ring.next()}: that one claims first (moving
     * the cursor past the free space) and then parks for room, so the writer, seeing a cursor ahead of what is
     * published, spins on the unpublished slot for as long as the producer sleeps: on a busy machine the two
     * threads then fight for a core. Here the cursor only moves once there is room.
     */
    private long next() {
        for (int tries = 0; ; tries++) {
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException full) {
                if (tries < FULL_SPINS) {
                    Thread.onSpinWait();
                } else if (tries < FULL_SPINS + FULL_YIELDS) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(FULL_PARK_NANOS);
                }
            }
        }
    }

    @Override
    public void send(StreamJunction junction, Event event) {
        checkRunning();
        long seq = claim(junction, 1);
        if (seq < 0) {
            return;
        }
        Slot s = ring.get(seq);
        s.kind = EVENT;
        s.junction = junction;
        s.event = event;
        ring.publish(seq);
    }

    @Override
    public void send(StreamJunction junction, List<Event> events) {
        checkRunning();
        long seq = claim(junction, events.size());
        if (seq < 0) {
            return;
        }
        Slot s = ring.get(seq);
        s.kind = EVENTS;
        s.junction = junction;
        s.events = events;
        ring.publish(seq);
    }

    @Override
    public boolean trySend(StreamJunction junction, List<Event> events) {
        checkRunning();
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        Slot s = ring.get(seq);
        s.kind = EVENTS;
        s.junction = junction;
        s.events = events;
        ring.publish(seq);
        return true;
    }

    @Override
    public boolean isWriterThread() {
        return Thread.currentThread() == writer;
    }

    @Override
    public void route(StreamJunction junction, Event event) {
        if (Thread.currentThread() == writer) {
            core.onEvent(junction, event);
        } else {
            send(junction, event);
        }
    }

    @Override
    public void execute(Runnable task) {
        checkRunning();
        publishControl(TASK, 0, task);
    }

    @Override
    public void advanceTime(long time) {
        checkRunning();
        publishControl(ADVANCE, time, null);
    }

    private void publishControl(int kind, long time, Runnable task) {
        long seq = next();
        Slot s = ring.get(seq);
        s.kind = kind;
        s.time = time;
        s.task = task;
        ring.publish(seq);
    }

    @Override
    public <T> T call(Supplier<T> task) {
        if (Thread.currentThread() == writer) {
            return task.get();
        }
        FutureTask<T> future = new FutureTask<>(task::get);
        publishControl(TASK, 0, future);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for app '" + app + "'", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void start() {
        disruptor.start();
        call(() -> {
            core.onStart();
            return null;
        });
    }

    @Override
    public void shutdown(boolean flushRateLimiters) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (waker != null) {
            waker.close();
        }
        if (Thread.currentThread() == writer) {
            core.onShutdown(flushRateLimiters);
            disruptor.halt();
            return;
        }
        call(() -> {
            core.onShutdown(flushRateLimiters);
            return null;
        });
        disruptor.shutdown();
    }
}
