package io.eventflux.api.extension;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Timers of one operator instance. A timer fires once, on the app's writer thread, in timestamp order,
 * before any event whose time is later than the timer's; the engine then calls the operator's
 * {@code onTimer(time, ...)} method. Scheduling the same time twice fires once.
 */
@ProviderType
public interface Scheduler {
    /** Asks for a callback at {@code time} (epoch ms). A time already past fires at the next chance. */
    void schedule(long time);
}
