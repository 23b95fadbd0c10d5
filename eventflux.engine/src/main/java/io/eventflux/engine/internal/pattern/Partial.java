package io.eventflux.engine.internal.pattern;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * One partial match: the step it waits at and the events bound so far. Plain mutable state owned by the
 * writer thread; {@link #copy} forks it (EVERY) and snapshots it.
 */
final class Partial implements Serializable {
    private static final long serialVersionUID = 1L;
    static final long NONE = Long.MIN_VALUE;

    /** A bound event. */
    record Ev(long ts, Object[] data) implements Serializable {
    }

    int step;
    /** Per element: null, an {@link Ev}, or (counted elements) an {@code ArrayList<Ev>}. */
    final Object[] bound;
    /** Timestamp and pattern-event number of the first bound event, or NONE. */
    long startTs = NONE;
    long startSeq;
    /** When the match began (orders the matches one event completes). */
    long begin = NONE;
    /** The time an absent step is satisfied at, or NONE. */
    long deadline = NONE;

    Partial(int elements) {
        this.bound = new Object[elements];
    }

    private Partial(Partial p) {
        this.step = p.step;
        this.bound = p.bound.clone();
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] instanceof ArrayList<?> list) {
                bound[i] = new ArrayList<>(list);
            }
        }
        this.startTs = p.startTs;
        this.startSeq = p.startSeq;
        this.begin = p.begin;
        this.deadline = p.deadline;
    }

    Partial copy() {
        return new Partial(this);
    }

    boolean started() {
        return startTs != NONE;
    }

    int count(int element) {
        Object b = bound[element];
        return b == null ? 0 : b instanceof Ev ? 1 : ((ArrayList<?>) b).size();
    }

    @SuppressWarnings("unchecked")
    void bind(int element, Ev e, boolean counted, long seq) {
        if (counted) {
            ArrayList<Ev> list = (ArrayList<Ev>) bound[element];
            if (list == null) {
                list = new ArrayList<>(4);
                bound[element] = list;
            }
            list.add(e);
        } else {
            bound[element] = e;
        }
        if (startTs == NONE) {
            startTs = e.ts();
            startSeq = seq;
        }
    }

    /** The last event bound to an element, or null. */
    @SuppressWarnings("unchecked")
    Ev last(int element) {
        Object b = bound[element];
        if (b == null || b instanceof Ev) {
            return (Ev) b;
        }
        ArrayList<Ev> list = (ArrayList<Ev>) b;
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    /** The i-th event of an element (from the start, or from the end with {@code fromEnd}), or null. */
    @SuppressWarnings("unchecked")
    Ev at(int element, int i, boolean fromEnd) {
        Object b = bound[element];
        if (b == null) {
            return null;
        }
        if (b instanceof Ev e) {
            return i == 0 ? e : null;
        }
        ArrayList<Ev> list = (ArrayList<Ev>) b;
        int index = fromEnd ? list.size() - 1 - i : i;
        return index >= 0 && index < list.size() ? list.get(index) : null;
    }

    /** The events bound to an element, in order (empty when none). */
    @SuppressWarnings("unchecked")
    java.util.List<Ev> events(int element) {
        Object b = bound[element];
        if (b == null) {
            return java.util.List.of();
        }
        return b instanceof Ev e ? java.util.List.of(e) : (ArrayList<Ev>) b;
    }
}
