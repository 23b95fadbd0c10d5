package io.eventflux.engine.internal.time;

import io.eventflux.engine.internal.stream.StreamJunction;

/** One event-timed stream inside an {@link EventTimeGate}: its options and its watermark. Writer thread. */
final class EventTimeLane {
    final int index;
    final EventTimeOptions options;
    final StreamJunction junction;
    /** Null: late events go to the error strategy. */
    final StreamJunction late;
    /** The dead-letter stream of {@code error.strategy = dlq}, or null. */
    final StreamJunction dlq;
    /** The newest event time seen (events, heartbeats, {@code advanceTime}); MIN_VALUE: none yet. */
    long maxSeen = Long.MIN_VALUE;
    /** {@link #maxSeen} when the last event arrived (idle heartbeats add the wall time since). */
    long arrivalMax = Long.MIN_VALUE;
    /** Wall time of the last event (idle timeout only). */
    long lastArrivalWall;
    /** No event ever, and quiet for the idle timeout: left out of the app's watermark until one comes. */
    boolean idle;

    EventTimeLane(int index, EventTimeOptions options, StreamJunction junction, StreamJunction late,
            StreamJunction dlq) {
        this.index = index;
        this.options = options;
        this.junction = junction;
        this.late = late;
        this.dlq = dlq;
    }

    /** Events at or before this time are late; MIN_VALUE before the first event. */
    long watermark() {
        return maxSeen == Long.MIN_VALUE ? Long.MIN_VALUE : maxSeen - options.delayMillis() - 1;
    }

    /** Notes an event time seen (an event or a heartbeat). */
    void see(long t) {
        if (t > maxSeen) {
            maxSeen = t;
        }
        idle = false;
    }
}
