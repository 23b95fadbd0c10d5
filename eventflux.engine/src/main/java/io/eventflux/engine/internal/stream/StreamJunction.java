package io.eventflux.engine.internal.stream;

import io.eventflux.api.Event;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.expr.EvalContext;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stream of an app: delivers each chunk published into it to the queries that read the stream and
 * to the stream callbacks. Runs on the writer thread; callbacks may be added and removed from any
 * thread (copy-on-write).
 */
public final class StreamJunction {
    private static final System.Logger LOG = System.getLogger(StreamJunction.class.getName());
    private static final StreamCallback[] NO_CALLBACKS = new StreamCallback[0];

    private final StreamSchema schema;
    private final boolean dropOnBackpressure;
    private final AtomicLong dropped = new AtomicLong();
    /** Late events of an event-timed stream (writer thread writes, any thread reads). */
    private final AtomicLong late = new AtomicLong();
    /** Written by the writer only (plain read + release write: no atomic add on the hot path). */
    private final AtomicLong events = new AtomicLong();
    private final List<ChunkReceiver> receiverList = new ArrayList<>();
    private ChunkReceiver[] receivers = new ChunkReceiver[0];
    /** Whether every receiver takes single events ({@link ChunkReceiver#takesSingleEvents}). */
    private boolean singles = true;
    /** Whether the one receiver stamps events on demand ({@link ChunkReceiver#stampsOnDemand}). */
    private boolean stampsOnDemand;
    private volatile StreamCallback[] callbacks = NO_CALLBACKS;

    public StreamJunction(StreamSchema schema, boolean dropOnBackpressure) {
        this.schema = schema;
        this.dropOnBackpressure = dropOnBackpressure;
    }

    public StreamSchema schema() {
        return schema;
    }

    public String name() {
        return schema.name();
    }

    /** Build time only (before the app starts). */
    public void subscribe(ChunkReceiver receiver) {
        receiverList.add(receiver);
        receivers = receiverList.toArray(new ChunkReceiver[0]);
        singles &= receiver.takesSingleEvents();
        stampsOnDemand = receivers.length == 1 && receiver.stampsOnDemand();
    }

    /** Whether {@link #publishOne} may be used (every receiver takes single events). Build time is over. */
    public boolean takesSingleEvents() {
        return singles;
    }

    /** Whether a full ring drops this stream's events (instead of blocking the sender). */
    public boolean dropsOnBackpressure() {
        return dropOnBackpressure;
    }

    /** Counts an event dropped on backpressure. */
    public void countDropped(int n) {
        dropped.addAndGet(n);
    }

    /** Events dropped on backpressure so far. */
    public long droppedCount() {
        return dropped.get();
    }

    /** Counts late events of an event-timed stream (writer thread). */
    public void countLate(int n) {
        late.addAndGet(n);
    }

    /** Late events of an event-timed stream so far, wherever they went (any thread). */
    public long lateCount() {
        return late.get();
    }

    /** Events published into this stream so far (any thread). */
    public long eventCount() {
        return events.getAcquire();
    }

    /** Whether anything listens (queries or callbacks). */
    public boolean hasListeners() {
        return receivers.length > 0 || callbacks.length > 0;
    }

    /** Delivers one chunk. Writer thread. */
    public void publish(EventChunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        events.setRelease(events.getPlain() + chunk.size());
        for (ChunkReceiver r : receivers) {
            r.process(chunk);
        }
        StreamCallback[] cbs = callbacks;
        if (cbs.length > 0) {
            deliver(cbs, chunk.toList());
        }
    }

    /** Delivers a chunk of one event without a chunk; only if {@link #takesSingleEvents}. Writer thread. */
    public void publishOne(Event event) {
        events.setRelease(events.getPlain() + 1);
        for (ChunkReceiver r : receivers) {
            r.processOne(event);
        }
        StreamCallback[] cbs = callbacks;
        if (cbs.length > 0) {
            deliver(cbs, Collections.singletonList(event));
        }
    }

    /**
     * One event sent at "now" ({@link #publishOne(Event)} otherwise; only if {@link #takesSingleEvents}).
     * When the stream's one query stamps on demand and no callback listens, the event goes out
     * {@code EvalContext.UNSTAMPED} and the clock is read only if the query emits a row for it (or a
     * function asks for its time): a filter that drops half the events saves half the clock reads. The
     * event is made here, inside the unit the JIT compiles with the queries it feeds, so that one no query
     * keeps need not be allocated. The body repeats {@link #publishOne(Event)} on purpose: a call to it
     * could be compiled on its own first and then not be inlined.
     */
    public void publishNow(Clock clock, Object[] row) {
        StreamCallback[] cbs = callbacks;
        Event event = new Event(stampsOnDemand && cbs.length == 0 ? EvalContext.UNSTAMPED : clock.now(), row);
        events.setRelease(events.getPlain() + 1);
        for (ChunkReceiver r : receivers) {
            r.processOne(event);
        }
        if (cbs.length > 0) {
            deliver(cbs, Collections.singletonList(event));
        }
    }

    private void deliver(StreamCallback[] cbs, List<Event> list) {
        for (StreamCallback cb : cbs) {
            try {
                cb.receive(list);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stream callback on " + schema.name() + " failed", e);
            }
        }
    }

    /** Adds a callback; closing the handle removes it. */
    public AutoCloseable addCallback(StreamCallback callback) {
        synchronized (this) {
            StreamCallback[] cur = callbacks;
            StreamCallback[] next = Arrays.copyOf(cur, cur.length + 1);
            next[cur.length] = callback;
            callbacks = next;
        }
        return () -> removeCallback(callback);
    }

    private synchronized void removeCallback(StreamCallback callback) {
        StreamCallback[] cur = callbacks;
        for (int i = 0; i < cur.length; i++) {
            if (cur[i] == callback) {
                StreamCallback[] next = new StreamCallback[cur.length - 1];
                System.arraycopy(cur, 0, next, 0, i);
                System.arraycopy(cur, i + 1, next, i, cur.length - i - 1);
                callbacks = next;
                return;
            }
        }
    }
}
