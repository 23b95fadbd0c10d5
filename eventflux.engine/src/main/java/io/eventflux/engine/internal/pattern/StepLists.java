package io.eventflux.engine.internal.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * The partial matches of a pattern, one list per step of its state machine, so that an event visits only
 * the steps that wait for its stream. Each list remembers whether its matches are in the order of their
 * first events, in which case expiry only looks at its head.
 */
final class StepLists {
    private final ArrayList<Partial>[] lists;
    private final ArrayList<Partial>[] spare;
    private final boolean[] sorted;
    private final long[] lastStart;
    /** Expiry's scratch list of removed partial matches. */
    private final ArrayList<Partial> dead = new ArrayList<>();

    @SuppressWarnings("unchecked")
    StepLists(int steps) {
        lists = new ArrayList[steps];
        spare = new ArrayList[steps];
        sorted = new boolean[steps];
        lastStart = new long[steps];
        for (int j = 0; j < steps; j++) {
            lists[j] = new ArrayList<>();
            spare[j] = new ArrayList<>();
            sorted[j] = true;
            lastStart[j] = Long.MIN_VALUE;
        }
    }

    void add(Partial p) {
        int j = p.step;
        if (p.started()) {
            if (p.startTs < lastStart[j]) {
                sorted[j] = false;
            }
            lastStart[j] = p.startTs;
        }
        lists[j].add(p);
    }

    boolean isEmpty(int step) {
        return lists[step].isEmpty();
    }

    /** Hands out the list of a step for one pass; what is added meanwhile goes to a fresh list. */
    ArrayList<Partial> detach(int step) {
        ArrayList<Partial> old = lists[step];
        lists[step] = spare[step];
        spare[step] = old;
        sorted[step] = true;
        lastStart[step] = Long.MIN_VALUE;
        return old;
    }

    int size() {
        int n = 0;
        for (ArrayList<Partial> l : lists) {
            n += l.size();
        }
        return n;
    }

    /** What expiry asks of the partial matches: one instance per matcher, so expiring allocates nothing. */
    interface Expiry {
        /** Whether a started partial match can no longer complete. */
        boolean expired(Partial p);

        /** Told of each removed partial match, after every list was swept. */
        void removed(Partial p);
    }

    /** Removes the started partial matches that {@code x} finds expired, telling it of each. Not reentrant. */
    void expire(Expiry x) {
        ArrayList<Partial> out = dead;
        for (int j = 0; j < lists.length; j++) {
            ArrayList<Partial> list = lists[j];
            int size = list.size();
            int end = size;
            if (sorted[j]) {
                end = 0;
                while (end < size && (!list.get(end).started() || x.expired(list.get(end)))) {
                    end++;
                }
            }
            if (end == 0) {
                continue;
            }
            int w = 0;
            for (int i = 0; i < end; i++) {
                Partial p = list.get(i);
                if (p.started() && x.expired(p)) {
                    out.add(p);
                } else {
                    list.set(w++, p);
                }
            }
            if (w < end) {
                list.subList(w, end).clear(); // one shift of the rest of the list
            }
        }
        try {
            for (int i = 0; i < out.size(); i++) {
                x.removed(out.get(i));
            }
        } finally {
            out.clear();
        }
    }

    /** Every partial match (a copy of the lists' contents). */
    List<Partial> all() {
        List<Partial> all = new ArrayList<>(size());
        for (ArrayList<Partial> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** How many partial matches have bound an event (the start states waiting empty are not counted). */
    int startedCount() {
        int n = 0;
        for (ArrayList<Partial> l : lists) {
            for (int i = 0, size = l.size(); i < size; i++) {
                n += l.get(i).started() ? 1 : 0;
            }
        }
        return n;
    }

    /** Removes and returns the partial match whose first event is the oldest, or null when none started. */
    Partial removeOldest() {
        int bestList = -1;
        int bestIndex = -1;
        Partial best = null;
        for (int j = 0; j < lists.length; j++) {
            ArrayList<Partial> l = lists[j];
            for (int i = 0, size = l.size(); i < size; i++) {
                Partial p = l.get(i);
                if (!p.started()) {
                    continue;
                }
                if (best == null || p.startTs < best.startTs
                        || p.startTs == best.startTs && p.startSeq < best.startSeq) {
                    best = p;
                    bestList = j;
                    bestIndex = i;
                }
                if (sorted[j]) {
                    break; // the first started one is this list's oldest
                }
            }
        }
        if (best != null) {
            lists[bestList].remove(bestIndex);
        }
        return best;
    }

    /** Removes one partial match. */
    void remove(Partial p) {
        lists[p.step].remove(p);
    }

    void clear() {
        for (int j = 0; j < lists.length; j++) {
            lists[j].clear();
            sorted[j] = true;
            lastStart[j] = Long.MIN_VALUE;
        }
    }
}
