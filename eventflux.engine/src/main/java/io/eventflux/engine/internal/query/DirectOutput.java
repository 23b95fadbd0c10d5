package io.eventflux.engine.internal.query;

import io.eventflux.engine.internal.stream.StreamJunction;

/** Rows go straight into the target stream. */
final class DirectOutput implements RowSink {
    private final StreamJunction target;

    DirectOutput(StreamJunction target) {
        this.target = target;
    }

    @Override
    public void accept(RowBuffer rows) {
        target.publish(rows.events());
    }
}
