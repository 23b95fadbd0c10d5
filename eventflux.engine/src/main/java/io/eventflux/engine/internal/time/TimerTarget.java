package io.eventflux.engine.internal.time;

/** An operator instance that receives its timers on the writer thread. */
public interface TimerTarget {
    void onTimer(long time);
}
