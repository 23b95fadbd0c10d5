package io.eventflux.engine.internal.app;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.EventTimeGate;
import io.eventflux.engine.internal.time.TimeKeeper;
import java.util.List;

/**
 * What the writer does with each piece of work. Single-threaded by contract (the app lock or the ring's
 * consumer thread): nothing here locks.
 */
final class WriterCore {
    private final TimeKeeper time;
    private final List<Runnable> shutdownFlushes;
    /** Null unless the app has event-timed streams: then it alone moves the app's time. */
    private final EventTimeGate gate;
    private final EventChunk scratch = new EventChunk(16);
    private int depth;

    /** @param shutdownFlushes what a graceful shutdown flushes (rate limiters of queries and partitions) */
    WriterCore(TimeKeeper time, List<Runnable> shutdownFlushes) {
        this(time, shutdownFlushes, null);
    }

    /** @param gate the app's event-time gate, or null when no stream is event-timed */
    WriterCore(TimeKeeper time, List<Runnable> shutdownFlushes, EventTimeGate gate) {
        this.time = time;
        this.shutdownFlushes = shutdownFlushes;
        this.gate = gate;
        if (gate != null) {
            gate.bind(this::publishOne);
        }
    }

    /**
     * One event (sent, or released or routed by the gate): straight to the junction's queries when they all
     * take single events (no reference store into the reused chunk), otherwise as a chunk of one.
     */
    private void publishOne(StreamJunction junction, Event event) {
        if (junction.takesSingleEvents()) {
            depth++;
            try {
                junction.publishOne(event);
            } finally {
                depth--;
            }
            return;
        }
        EventChunk chunk = depth == 0 ? scratch : new EventChunk(1);
        chunk.add(event);
        dispatch(junction, chunk);
    }

    void onEvent(StreamJunction junction, Event event) {
        if (gate == null) {
            time.beforeEvent(event.timestamp());
        } else if (gate.accept(junction, event)) {
            return;
        }
        publishOne(junction, event);
    }

    /**
     * One event at "now" on the wall clock (inline mode): stamped by the junction, only if a query needs its
     * time, when every query of the stream takes single events and no stream is event-timed.
     */
    void onEventNow(StreamJunction junction, Clock clock, Object[] row) {
        if (gate != null || !junction.takesSingleEvents()) {
            onEvent(junction, new Event(clock.now(), row));
            return;
        }
        time.beforeWallEvent();
        depth++;
        try {
            junction.publishNow(clock, row);
        } finally {
            depth--;
        }
    }

    void onEvents(StreamJunction junction, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        if (gate != null) {
            if (!gate.accept(junction, events)) {
                publishAll(junction, events);
            }
            return;
        }
        long max = Long.MIN_VALUE;
        for (Event e : events) {
            max = Math.max(max, e.timestamp());
        }
        time.beforeEvent(max);
        publishAll(junction, events);
    }

    private void publishAll(StreamJunction junction, List<Event> events) {
        EventChunk chunk = depth == 0 ? scratch : new EventChunk(events.size());
        chunk.addAll(events);
        dispatch(junction, chunk);
    }

    private void dispatch(StreamJunction junction, EventChunk chunk) {
        depth++;
        try {
            junction.publish(chunk);
        } finally {
            depth--;
            chunk.clear();
        }
    }

    void onAdvance(long t) {
        if (gate == null) {
            time.advanceTo(t);
        } else {
            gate.advance(t);
        }
    }

    void onWake() {
        if (gate != null) {
            gate.heartbeat();
        }
        time.onWake();
    }

    void onStart() {
        time.startWall();
        if (gate != null) {
            gate.start();
        }
    }

    /** @param flush false for a suspend: held rows stay in the kept state instead of being published */
    void onShutdown(boolean flush) {
        if (!flush) {
            return;
        }
        if (gate != null) {
            gate.flush();
        }
        for (Runnable f : shutdownFlushes) {
            f.run();
        }
    }
}
