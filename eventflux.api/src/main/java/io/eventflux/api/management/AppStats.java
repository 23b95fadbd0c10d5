package io.eventflux.api.management;

import io.eventflux.api.AppState;
import java.util.Objects;

/**
 * The numbers of one app, for {@code eventflux:stats} and metrics.
 *
 * @param app the app's name
 * @param state its lifecycle state
 * @param uptimeMillis how long the current run has been RUNNING; 0 when not running
 * @param eventsIn events that entered its input streams
 * @param eventsOut events its queries inserted into output streams
 * @param dropped events dropped on backpressure, all streams
 * @param errors connector events that failed (mapping, type, publishing), all streams
 * @param ringCapacity the capacity of its ring buffer; 0 in synchronous (inline) mode or when not running
 * @param ringBacklog events accepted into the ring and not yet processed
 * @param restarts how many times it was rebuilt after extension changes
 * @param late late events of its event-timed streams ({@code event.time}), all streams (since 1.2)
 */
public record AppStats(String app, AppState state, long uptimeMillis, long eventsIn, long eventsOut, long dropped,
        long errors, int ringCapacity, long ringBacklog, int restarts, long late) {
    public AppStats {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(state, "state");
    }

    /** An app without late events (the constructor of 1.1). */
    public AppStats(String app, AppState state, long uptimeMillis, long eventsIn, long eventsOut, long dropped,
            long errors, int ringCapacity, long ringBacklog, int restarts) {
        this(app, state, uptimeMillis, eventsIn, eventsOut, dropped, errors, ringCapacity, ringBacklog, restarts, 0);
    }
}
