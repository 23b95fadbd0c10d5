package io.eventflux.api.window;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Stateful;
import java.util.Collection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A running window. Every method runs on the app's writer thread, so no locking is needed.
 *
 * <p>A window reports arrivals with {@link WindowCollector#current} and departures with
 * {@link WindowCollector#expired} (stamped with the time they left). A batch window ends each batch
 * with {@link WindowCollector#flush}; what it reported since the previous flush is that batch.
 */
@ConsumerType
public interface Window extends Stateful {
    /** One arriving (current) event. */
    void process(Event event, WindowCollector out);

    /** A timer this window scheduled has come due at {@code time}. */
    void onTimer(long time, WindowCollector out);

    /** The events the window holds now, oldest first (for joins and snapshots of output). */
    Collection<Event> contents();
}
