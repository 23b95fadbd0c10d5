package io.eventflux.api.window;

import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Scheduler;
import org.osgi.annotation.versioning.ProviderType;

/** What the engine gives a window instance. */
@ProviderType
public interface WindowContext {
    /** The app's clock. */
    Clock clock();

    /** Timers for this window instance; they call {@link Window#onTimer}. */
    Scheduler scheduler();
}
