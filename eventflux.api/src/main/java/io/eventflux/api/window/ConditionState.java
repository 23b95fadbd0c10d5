package io.eventflux.api.window;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Stateful;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One window instance's view of a {@link WindowCondition}: the aggregates over the events the window
 * holds. The window tells it which events enter and leave; it does not keep the events itself. Runs on the
 * app's writer thread only. Its snapshot holds the aggregates' states (JDK types only); a window restores
 * it together with its own events.
 *
 * @since 1.1
 */
@ProviderType
public interface ConditionState extends Stateful {
    /** An event entered the window: the aggregates take it in. */
    void add(Event event);

    /** An event that was added left the window: the aggregates take it out. */
    void remove(Event event);

    /** Back to the empty state (a new batch). */
    void reset();

    /**
     * Evaluates the condition over what was added and not removed. NULL counts as false.
     *
     * @param first the oldest event the window holds (what {@code first.attr} reads), or null when empty
     * @param last the newest event the window holds (what {@code last.attr} and bare attributes read), or
     *     null when empty; its timestamp is what {@code eventTimestamp()} returns
     */
    boolean holds(Event first, Event last);
}
