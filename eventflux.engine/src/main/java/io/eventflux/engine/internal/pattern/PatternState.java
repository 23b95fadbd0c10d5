package io.eventflux.engine.internal.pattern;

import io.eventflux.api.extension.Scheduler;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * The mutable state of one pattern instance: its partial matches (per step) and counters. A
 * {@link PatternMatcher} runs over one; a partitioned pattern will keep one per key and swap it in before
 * an event of that key (the matcher's other parts are immutable or per-call scratch).
 */
final class PatternState {
    final StepLists lists;
    /** Events of the pattern's streams seen (WITHIN n EVENTS). */
    long seq;
    /** The next begin number (orders matches completed by one event). */
    long nextBegin;
    /** Partial matches dropped by pattern.max.partial.matches. */
    long dropped;
    /** Whether a match has completed (a pattern without EVERY matches once). */
    boolean completedOnce;

    /** A fresh state: one empty partial match waits at the first step. */
    PatternState(int steps, int elements) {
        this(steps);
        lists.add(new Partial(elements));
    }

    private PatternState(int steps) {
        this.lists = new StepLists(steps);
    }

    /** The snapshot form (partial matches copied, so the live state can go on). */
    record State(ArrayList<Partial> partials, long seq, long nextBegin, long dropped, boolean completedOnce)
            implements Serializable {
    }

    State snapshot() {
        ArrayList<Partial> copy = new ArrayList<>();
        for (Partial p : lists.all()) {
            copy.add(p.copy());
        }
        return new State(copy, seq, nextBegin, dropped, completedOnce);
    }

    /** A state from a snapshot; the pending deadlines of absent steps are scheduled again. */
    static PatternState restore(State s, int steps, Scheduler scheduler) {
        PatternState state = new PatternState(steps);
        for (Partial p : s.partials()) {
            Partial c = p.copy();
            state.lists.add(c);
            if (c.deadline != Partial.NONE) {
                scheduler.schedule(c.deadline);
            }
        }
        state.seq = s.seq();
        state.nextBegin = s.nextBegin();
        state.dropped = s.dropped();
        state.completedOnce = s.completedOnce();
        return state;
    }
}
