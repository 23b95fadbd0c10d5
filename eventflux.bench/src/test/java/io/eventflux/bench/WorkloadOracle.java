package io.eventflux.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The output count of each workload computed directly from the rows by the semantics of SQL.md, without
 * the engine: what the harness must count. {@link #outputsOfRound} gives the count of round {@code round}
 * (0-based) of the same rows replayed, W5's time running on across rounds.
 */
final class WorkloadOracle {
    private WorkloadOracle() {
    }

    static long outputsOfRound(Workload w, Object[][] rows, int round) {
        long[] perRound = new long[round + 1];
        switch (w) {
            case W1 -> {
                for (Object[] r : rows) {
                    perRound[round] += (double) r[1] > 50 ? 1 : 0;
                }
            }
            // a sliding window without aggregation filter: every arrival gives one row
            case W2 -> perRound[round] = rows.length;
            case W3 -> lengthBatch(rows, round, perRound);
            case W4 -> join(rows, round, perRound);
            case W5 -> pattern(rows, round, perRound);
            default -> throw new IllegalArgumentException(w.name());
        }
        return perRound[round];
    }

    /** lengthBatch(1000) GROUP BY symbol: each full batch gives one row per symbol in it. */
    private static void lengthBatch(Object[][] rows, int lastRound, long[] perRound) {
        Set<Object> batch = new HashSet<>();
        int filled = 0;
        for (int round = 0; round <= lastRound; round++) {
            for (Object[] r : rows) {
                batch.add(r[0]);
                if (++filled == 1000) {
                    perRound[round] += batch.size();
                    batch.clear();
                    filled = 0;
                }
            }
        }
    }

    /** Even rows into S, odd into T, length(10) each: an arrival joins the other side's window on symbol. */
    private static void join(Object[][] rows, int lastRound, long[] perRound) {
        ArrayDeque<Object> s = new ArrayDeque<>();
        ArrayDeque<Object> t = new ArrayDeque<>();
        for (int round = 0; round <= lastRound; round++) {
            for (int i = 0; i < rows.length; i++) {
                ArrayDeque<Object> own = (i & 1) == 0 ? s : t;
                ArrayDeque<Object> other = (i & 1) == 0 ? t : s;
                Object symbol = rows[i][0];
                for (Object o : other) {
                    perRound[round] += o.equals(symbol) ? 1 : 0;
                }
                if (own.size() == 10) {
                    own.removeFirst();
                }
                own.addLast(symbol);
            }
        }
    }

    /**
     * {@code EVERY a=[price > 90] -> b=[symbol = a.symbol AND price < a.price] WITHIN 1 SECOND}, events 110 ms
     * apart: every qualifying a waits for the first later b of its symbol priced below it, at most 1 s later.
     */
    private static void pattern(Object[][] rows, int lastRound, long[] perRound) {
        record Partial(Object symbol, double price, long time) {
        }
        List<Partial> alive = new ArrayList<>();
        long time = Workload.W5_EPOCH;
        for (int round = 0; round <= lastRound; round++) {
            for (Object[] r : rows) {
                double price = (double) r[1];
                for (Iterator<Partial> it = alive.iterator(); it.hasNext();) {
                    Partial p = it.next();
                    if (time - p.time() > 1000) {
                        it.remove();
                    } else if (p.symbol().equals(r[0]) && price < p.price()) {
                        perRound[round]++;
                        it.remove();
                    }
                }
                if (price > 90) {
                    alive.add(new Partial(r[0], price, time));
                }
                time += Workload.W5_STEP_MS;
            }
        }
    }
}
