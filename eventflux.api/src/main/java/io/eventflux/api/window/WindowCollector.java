package io.eventflux.api.window;

import io.eventflux.api.Event;
import org.osgi.annotation.versioning.ProviderType;

/** Where a window puts what it emits. Valid only during the call it was passed to. */
@ProviderType
public interface WindowCollector {
    /** An event that entered the window (or, for a batch window, belongs to the batch being flushed). */
    void current(Event event);

    /** An event that left the window; use {@link Event#asExpired(long)} to stamp its departure time. */
    void expired(Event event);

    /**
     * The same as {@code expired(event.asExpired(at))}: an event that left the window at {@code at}. Windows
     * call this form so that a collector that does not need the stamped copy (a query that emits no
     * expired rows, an aggregate that only removes the values) need not allocate it.
     */
    default void expired(Event event, long at) {
        expired(event.asExpired(at));
    }

    /** Batch windows: closes the batch reported since the last flush, at {@code time}. */
    void flush(long time);
}
