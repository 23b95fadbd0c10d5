package io.eventflux.engine.internal.aggregation;

import java.io.Serializable;

/**
 * A count or an integer sum in a bucket's state, updated in place (no boxing per event). Stored and shown as a
 * {@link Long}; a slot read back from a store or an older snapshot holds a {@code Long}, turned into a tally
 * on its next update.
 */
final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    long value;

    Tally(long value) {
        this.value = value;
    }

    /** The long in a slot: a tally, a {@link Long}, or 0 when empty. */
    static long of(Object slot) {
        return slot == null ? 0L : slot instanceof Tally t ? t.value : (Long) slot;
    }

    /** Counts one in a slot: a first 1 is the shared {@code Long} 1 (a slot counted once allocates nothing). */
    static void increment(Object[] s, int o) {
        if (s[o] == null) {
            s[o] = 1L;
        } else {
            in(s, o).value++;
        }
    }

    /** The tally of a slot, created (0) or converted from a {@link Long}. */
    static Tally in(Object[] s, int o) {
        if (s[o] instanceof Tally t) {
            return t;
        }
        Tally t = new Tally(of(s[o]));
        s[o] = t;
        return t;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
