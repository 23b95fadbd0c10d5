package io.eventflux.extension.testing;

import io.eventflux.api.extension.Clock;
import io.eventflux.api.function.FunctionContext;

/** A function context whose clock and event time the test sets. */
public final class ManualContext implements FunctionContext {
    public long now;
    public long eventTimestamp;

    @Override
    public Clock clock() {
        return () -> now;
    }

    @Override
    public long eventTimestamp() {
        return eventTimestamp;
    }
}
