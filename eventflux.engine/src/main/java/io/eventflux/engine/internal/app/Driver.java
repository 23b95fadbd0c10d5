package io.eventflux.engine.internal.app;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.util.List;
import java.util.function.Supplier;

/** How work reaches an app's writer: inline under the app's lock, or through the ring buffer. */
interface Driver {
    void send(StreamJunction junction, Event event);

    void send(StreamJunction junction, List<Event> events);

    /** Playback: moves time (inline: at once; ring: in order with the events before it). */
    void advanceTime(long time);

    /** Runs {@code task} on the writer, between chunks, and returns its result. */
    <T> T call(Supplier<T> task);

    void start();

    /** Graceful: drains what was accepted, flushes rate limiters, stops timers. Idempotent. */
    void shutdown();
}
