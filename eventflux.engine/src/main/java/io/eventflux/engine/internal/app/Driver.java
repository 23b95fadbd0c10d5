package io.eventflux.engine.internal.app;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Clock;
import io.eventflux.engine.internal.stream.StreamJunction;
import java.util.List;
import java.util.function.Supplier;

/** How work reaches an app's writer: inline under the app's lock, or through the ring buffer. */
public interface Driver {
    void send(StreamJunction junction, Event event);

    void send(StreamJunction junction, List<Event> events);

    /**
     * One event at "now" on the wall clock (an input handler's {@code send(Object...)}): inline mode reads the
     * clock when the writer takes it, and only if a query needs the time ({@link StreamJunction#publishNow});
     * the ring stamps it here, when it is sent.
     */
    default void sendNow(StreamJunction junction, Clock clock, Object[] row) {
        send(junction, new Event(clock.now(), row));
    }

    /**
     * Sends only if the writer can take the events now, never blocking: false means nothing was taken
     * (ring full). Inline mode always takes them. Connector sources' {@code offer} uses it.
     */
    boolean trySend(StreamJunction junction, List<Event> events);

    /**
     * Sends from any thread, including the writer itself (a sink's dead-letter event): on the writer the
     * event is processed at once, nested like an INSERT INTO of a query, so the writer never waits for
     * room in its own ring.
     */
    void route(StreamJunction junction, Event event);

    /** Whether the calling thread is the app's writer (the ring's consumer, or the inline lock's holder). */
    boolean isWriterThread();

    /** Runs {@code task} on the writer after everything sent before it, without waiting for it. */
    void execute(Runnable task);

    /** Playback: moves time (inline: at once; ring: in order with the events before it). */
    void advanceTime(long time);

    /** Runs {@code task} on the writer, between chunks, and returns its result. */
    <T> T call(Supplier<T> task);

    void start();

    /** The ring's capacity; 0 inline. */
    default int ringCapacity() {
        return 0;
    }

    /** Events (and tasks) accepted into the ring and not processed yet; 0 inline. */
    default long ringBacklog() {
        return 0;
    }

    /** Graceful: drains what was accepted, flushes rate limiters, stops timers. Idempotent. */
    default void shutdown() {
        shutdown(true);
    }

    /**
     * As {@link #shutdown()}; {@code flushRateLimiters} false leaves the rows output rate limiters hold
     * unpublished (a suspend: they are in the state kept for the next run, which publishes them).
     */
    void shutdown(boolean flushRateLimiters);
}
