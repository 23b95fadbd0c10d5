package io.eventflux.engine.internal.time;

import io.eventflux.api.extension.Clock;

/**
 * Event time: moved forward by the writer thread only (event timestamps, {@code advanceTime}, timers as
 * they fire); read from any thread. It starts unset (reads 0) until the first event or advance.
 */
public final class PlaybackClock implements Clock {
    private volatile long time;

    @Override
    public long now() {
        return time;
    }

    /** Writer thread only. Never moves backwards. */
    void moveTo(long t) {
        if (t > time) {
            time = t;
        }
    }

    /** Writer thread only: the first time, which may be lower than the initial 0. */
    void start(long t) {
        time = t;
    }
}
