package io.eventflux.engine.internal.io;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.eventflux.api.Event;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code async.enabled = true}: a bounded LMAX Disruptor ring ({@code async.buffer_size}, rounded up to a
 * power of two) between the app's writer and the sink, so a slow sink does not stall the writer. Each of
 * the {@code async.workers} threads owns one sink instance (its own connection) and takes every N-th
 * event: with one worker the order is kept; with more, events are spread round-robin and their relative
 * order across workers is not. A worker publishes up to {@code async.batch_size_max} events and then
 * flushes. A full ring blocks the writer, or under {@code backpressure = 'drop'} drops the event and
 * counts it on the stream.
 */
final class AsyncSinkQueue {
    private static final System.Logger LOG = System.getLogger(AsyncSinkQueue.class.getName());

    private static final class Slot {
        Event event;
        Marker marker;
    }

    /** Completes once every worker has passed it (and published everything before it). */
    private static final class Marker {
        final AtomicInteger remaining;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Marker(int workers) {
            remaining = new AtomicInteger(workers);
        }
    }

    private final String app;
    private final StreamJunction junction;
    private final boolean drop;
    private final int workers;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    AsyncSinkQueue(String app, StreamJunction junction, List<SinkWorker> sinks, int bufferSize, int batchSizeMax,
            boolean drop) {
        this.app = app;
        this.junction = junction;
        this.drop = drop;
        this.workers = sinks.size();
        int size = Integer.highestOneBit(Math.max(2, bufferSize - 1)) << 1;
        AtomicInteger threads = new AtomicInteger();
        this.disruptor = new Disruptor<>(Slot::new, size, r -> {
            Thread t = new Thread(r, "eventflux-" + app + "-sink-" + junction.name() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, ProducerType.MULTI, new BlockingWaitStrategy());
        @SuppressWarnings("unchecked")
        EventHandler<Slot>[] handlers = new EventHandler[workers];
        for (int i = 0; i < workers; i++) {
            handlers[i] = new Worker(sinks.get(i), i, batchSizeMax);
        }
        disruptor.handleEventsWith(handlers);
        this.ring = disruptor.getRingBuffer();
    }

    private final class Worker implements EventHandler<Slot> {
        private final SinkWorker sink;
        private final int index;
        private final int batchSizeMax;
        private final List<Event> batch = new ArrayList<>();

        Worker(SinkWorker sink, int index, int batchSizeMax) {
            this.sink = sink;
            this.index = index;
            this.batchSizeMax = batchSizeMax;
        }

        @Override
        public void onEvent(Slot s, long sequence, boolean endOfBatch) {
            if (s.marker != null) {
                deliver();
                if (s.marker.remaining.decrementAndGet() == 0) {
                    s.marker.done.complete(null);
                }
            } else if (sequence % workers == index) {
                batch.add(s.event);
                if (batch.size() >= batchSizeMax) {
                    deliver();
                }
            }
            if (endOfBatch) {
                deliver();
            }
        }

        private void deliver() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                sink.deliver(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "app '" + app + "', stream " + junction.name() + ": sink delivery failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    void start() {
        disruptor.start();
    }

    /** Writer thread: queues a chunk's events. */
    void enqueue(EventChunk chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            long seq;
            if (drop) {
                try {
                    seq = ring.tryNext();
                } catch (InsufficientCapacityException full) {
                    junction.countDropped(chunk.size() - i);
                    return;
                }
            } else {
                seq = ring.next();
            }
            Slot s = ring.get(seq);
            s.event = chunk.get(i);
            s.marker = null;
            ring.publish(seq);
        }
    }

    /** Completes once the workers have published (and flushed) everything queued before. Never dropped. */
    CompletableFuture<Void> marker() {
        Marker m = new Marker(workers);
        long seq = ring.next();
        Slot s = ring.get(seq);
        s.event = null;
        s.marker = m;
        ring.publish(seq);
        return m.done;
    }

    /** Publishes what is queued (waiting up to {@code timeoutMillis}), then stops the worker threads. */
    void shutdown(long timeoutMillis) {
        try {
            disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "app '" + app + "', stream " + junction.name() + ": sink queue not drained in "
                    + timeoutMillis + " ms; the rest is lost");
            disruptor.halt();
        }
    }
}
