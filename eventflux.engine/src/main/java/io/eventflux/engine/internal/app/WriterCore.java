package io.eventflux.engine.internal.app;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.TimeKeeper;
import java.util.List;

/**
 * What the writer does with each piece of work. Single-threaded by contract (the app lock or the ring's
 * consumer thread): nothing here locks.
 */
final class WriterCore {
    private final TimeKeeper time;
    private final List<Runnable> shutdownFlushes;
    private final EventChunk scratch = new EventChunk(16);
    private int depth;

    /** @param shutdownFlushes what a graceful shutdown flushes (rate limiters of queries and partitions) */
    WriterCore(TimeKeeper time, List<Runnable> shutdownFlushes) {
        this.time = time;
        this.shutdownFlushes = shutdownFlushes;
    }

    void onEvent(StreamJunction junction, Event event) {
        time.beforeEvent(event.timestamp());
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

    void onEvents(StreamJunction junction, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        long max = Long.MIN_VALUE;
        for (Event e : events) {
            max = Math.max(max, e.timestamp());
        }
        time.beforeEvent(max);
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
        time.advanceTo(t);
    }

    void onWake() {
        time.onWake();
    }

    void onStart() {
        time.startWall();
    }

    /** @param flush false for a suspend: held rows stay in the kept state instead of being published */
    void onShutdown(boolean flush) {
        if (!flush) {
            return;
        }
        for (Runnable f : shutdownFlushes) {
            f.run();
        }
    }
}
