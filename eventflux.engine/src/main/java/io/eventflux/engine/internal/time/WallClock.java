package io.eventflux.engine.internal.time;

import io.eventflux.api.extension.Clock;

/** The system clock: the only place that reads {@code System.currentTimeMillis()}. */
public final class WallClock implements Clock {
    @Override
    public long now() {
        return System.currentTimeMillis();
    }
}
