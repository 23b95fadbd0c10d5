package io.eventflux.function.string.internal;

import io.eventflux.api.extension.Clock;
import io.eventflux.api.function.FunctionContext;

/** A function context whose clock and event time the test sets. */
final class ManualContext implements FunctionContext {
    long now;
    long eventTimestamp;

    @Override
    public Clock clock() {
        return () -> now;
    }

    @Override
    public long eventTimestamp() {
        return eventTimestamp;
    }
}
