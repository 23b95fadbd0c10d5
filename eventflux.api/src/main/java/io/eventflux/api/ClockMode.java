package io.eventflux.api;

/** Where an app's time comes from. */
public enum ClockMode {
    /** The system clock; timers fire on their own. */
    WALL,
    /** Event time: time moves with event timestamps and {@link AppRuntime#advanceTime(long)}. */
    PLAYBACK
}
