package io.eventflux.api.extension;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The app's time in epoch milliseconds: the system clock, or the playback (event-time) clock.
 * Extensions never read {@code System.currentTimeMillis()} directly.
 */
@ProviderType
@FunctionalInterface
public interface Clock {
    long now();
}
