package io.eventflux.window.session.internal;

import io.eventflux.api.Event;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowContext;
import io.eventflux.api.window.WindowDefinition;

/**
 * A validated session window.
 *
 * @param gap silence in ms that ends a session
 * @param keyIndex position of the session key attribute, or -1 for one session in all
 * @param allowedLatency ms a session stays open after its gap, for late events
 */
record SessionWindowDefinition(long gap, int keyIndex, long allowedLatency) implements WindowDefinition {

    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public Window create(WindowContext context) {
        return new SessionWindow(this, context);
    }

    /** The session key of an event (the same object for every event without a key attribute). */
    Object keyOf(Event event) {
        return keyIndex < 0 ? Boolean.TRUE : event.get(keyIndex);
    }
}
