package io.eventflux.engine.internal.query;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowCollector;
import io.eventflux.engine.internal.join.HeldRows;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.time.TimerTarget;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * One stream input of a join: runs its window (if any), keeps what the window holds in {@link HeldRows}
 * (from the window's current and expired reports) and, if it triggers, joins each reported event with
 * what the other inputs hold. Without a window it holds nothing: its events only trigger.
 */
final class JoinSideStage implements ChunkReceiver, WindowCollector, TimerTarget, Stateful {
    private final int input;
    private final Window window;
    private final HeldRows held;
    private final boolean triggers;
    private final JoinStage join;

    JoinSideStage(int input, Window window, HeldRows held, boolean triggers, JoinStage join) {
        this.input = input;
        this.window = window;
        this.held = held;
        this.triggers = triggers;
        this.join = join;
    }

    @Override
    public void process(EventChunk chunk) {
        try {
            int n = chunk.size();
            for (int i = 0; i < n; i++) {
                Event e = chunk.get(i);
                if (window == null) {
                    if (triggers) {
                        join.trigger(input, e, false);
                    }
                } else {
                    window.process(e, this);
                }
                join.endStep();
            }
            join.endChunk();
        } catch (RuntimeException e) {
            join.abort();
            throw e;
        }
    }

    @Override
    public void onTimer(long time) {
        window.onTimer(time, this);
        join.endStep();
        join.endChunk();
    }

    @Override
    public void current(Event event) {
        held.add(event.data());
        if (triggers) {
            join.trigger(input, event, false);
        }
    }

    @Override
    public void expired(Event event) {
        held.remove(event.data());
        if (triggers && join.needsExpired()) {
            join.trigger(input, event, true);
        }
    }

    /** The held event itself, leaving at {@code at}: a stamped copy only when expired rows are joined. */
    @Override
    public void expired(Event event, long at) {
        held.remove(event.data());
        if (triggers && join.needsExpired()) {
            join.trigger(input, event.asExpired(at), true);
        }
    }

    @Override
    public void flush(long time) {
        // a join matches event by event: a batch window's flush adds nothing to what it reported
    }

    /** The window's state and the held rows. */
    record State(Serializable window, ArrayList<Object[]> held) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Serializable snapshot() {
        return new State(window == null ? null : window.snapshot(), held.toList());
    }

    @Override
    public void restore(Serializable state) {
        State s = (State) state;
        if (window != null) {
            window.restore(s.window());
        }
        held.clear();
        for (Object[] row : s.held()) {
            held.add(row);
        }
    }
}
