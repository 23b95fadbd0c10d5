package io.eventflux.api.function;

import io.eventflux.api.extension.Clock;
import org.osgi.annotation.versioning.ProviderType;

/** What the engine gives a function instance. */
@ProviderType
public interface FunctionContext {
    /** The app's clock ({@code now()}). */
    Clock clock();

    /** The timestamp of the event being evaluated ({@code eventTimestamp()}). */
    long eventTimestamp();
}
