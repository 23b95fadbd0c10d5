package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.engine.internal.time.TimerTarget;
import java.io.Serializable;
import java.util.Collection;

/**
 * Runs a query's window and hands what it reports to the selector: a sliding window's output one step
 * (one call) at a time, a batch window's output at each flush.
 */
final class WindowStage implements WindowCollector, TimerTarget, Stateful {
    private final Window window;
    private final Selector selector;
    private final boolean batch;

    WindowStage(Window window, Selector selector, boolean batch) {
        this.window = window;
        this.selector = selector;
        this.batch = batch;
    }

    void process(Event e) {
        window.process(e, this);
        if (!batch) {
            selector.endStep();
        }
    }

    /** What the window holds now, oldest first (a view valid until the window's next call). */
    Collection<Event> contents() {
        return window.contents();
    }

    /** Discards a step that failed half-way. */
    void abort() {
        selector.abortStep();
    }

    @Override
    public void onTimer(long time) {
        window.onTimer(time, this);
        if (!batch) {
            selector.endStep();
        }
        selector.endChunk();
    }

    @Override
    public void current(Event event) {
        if (batch) {
            selector.batchCurrent(event);
        } else {
            selector.stepEvent(event, false, event.timestamp());
        }
    }

    @Override
    public void expired(Event event) {
        expired(event, event.timestamp());
    }

    /** Keeps the held event and its departure time; a stamped copy is made only for an emitted row. */
    @Override
    public void expired(Event event, long at) {
        if (batch) {
            selector.batchExpired(event, at);
        } else {
            selector.stepEvent(event, true, at);
        }
    }

    @Override
    public void flush(long time) {
        if (batch) {
            selector.flushBatch(time);
        }
    }

    @Override
    public Serializable snapshot() {
        return window.snapshot();
    }

    @Override
    public void restore(Serializable state) {
        window.restore(state);
    }
}
