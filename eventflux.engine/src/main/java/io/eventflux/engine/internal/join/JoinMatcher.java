package io.eventflux.engine.internal.join;

import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the joined rows one triggering row produces (SQL.md 3.4). Joins nest to the left: step k joins
 * the rows of inputs 0..k-1 with input k. The trigger takes its input's place; every other input offers
 * what it holds. A joined row concatenates the inputs' attributes (an input's slot starts at its offset).
 *
 * <p>Outer joins pad only rows that carry the trigger: at step k, unmatched left rows are padded (LEFT,
 * FULL) unless the trigger is input k itself, and unmatched right rows (RIGHT, FULL) when the trigger is
 * input k or a later one. Equality conditions look rows up in an input's index instead of scanning it.
 */
public final class JoinMatcher {
    /**
     * One join step.
     *
     * @param padsLeft LEFT or FULL OUTER
     * @param padsRight RIGHT or FULL OUTER
     * @param on the ON condition over the joined row, or null
     * @param probe the left part of an equality conjunct (over inputs 0..k-1) that input k's index is keyed
     *     by, or null when input k is not looked up
     * @param reverseProbe for step 1 only: the right part of the conjunct (over input 1), when input 0 is
     *     indexed by the left part; or null
     * @param lookup rows of input k for a left row (a table serving the ON condition), or null
     * @param reverseLookup for step 1 only: rows of input 0 for a row of input 1 (a table on the left serving
     *     the ON condition), or null
     */
    public record Step(boolean padsLeft, boolean padsRight, Expr on, Expr probe, Expr reverseProbe, Lookup lookup,
            Lookup reverseLookup) {
        public Step(boolean padsLeft, boolean padsRight, Expr on, Expr probe, Expr reverseProbe) {
            this(padsLeft, padsRight, on, probe, reverseProbe, null, null);
        }
    }

    /**
     * Rows of input k that may match a row of inputs 0..k-1 (a superset of the ON matches): a table
     * serves the whole ON condition, bound to the left row, from its key, an index or SQL.
     */
    @FunctionalInterface
    public interface Lookup {
        Iterable<Object[]> rows(Object[] left, long ts);
    }

    /** Receives joined rows one by one. */
    @FunctionalInterface
    public interface RowSink {
        /** A joined row, valid during the call only (the matcher may reuse the array): copy it to keep it. */
        void row(Object[] joined);
    }

    private final JoinSource[] inputs;
    private final int[] offsets;
    private final int[] widths;
    private final int width;
    private final Step[] steps;
    private final EvalContext ctx;
    /** Two inputs, no padding, no table lookups: joined by {@link #matchTwo} on a reused row. */
    private final boolean twoStreams;
    private final Object[] scratch;

    /**
     * @param inputs what each input holds
     * @param widths each input's number of attributes
     * @param steps steps[k] joins input k (steps[0] is unused and may be null)
     * @param ctx the context the conditions are evaluated in
     */
    public JoinMatcher(JoinSource[] inputs, int[] widths, Step[] steps, EvalContext ctx) {
        this.inputs = inputs.clone();
        this.widths = widths.clone();
        this.steps = steps.clone();
        this.ctx = ctx;
        this.offsets = new int[widths.length];
        int w = 0;
        for (int k = 0; k < widths.length; k++) {
            offsets[k] = w;
            w += widths[k];
        }
        this.width = w;
        Step s = this.steps.length == 2 ? this.steps[1] : null;
        this.twoStreams = s != null && !s.padsLeft() && !s.padsRight() && s.lookup() == null
                && s.reverseLookup() == null;
        this.scratch = new Object[w];
    }

    /** The width of a joined row. */
    public int width() {
        return width;
    }

    /** The offset of input k's attributes in a joined row. */
    public int offset(int k) {
        return offsets[k];
    }

    /**
     * The joined rows for a row of input {@code trigger}, evaluated at time {@code ts}, handed to {@code out}
     * in the order of {@link #match(int, Object[], long)}.
     */
    public void match(int trigger, Object[] data, long ts, RowSink out) {
        if (twoStreams) {
            matchTwo(trigger, data, ts, out);
            return;
        }
        for (Object[] row : match(trigger, data, ts)) {
            out.row(row);
        }
    }

    /**
     * An inner join of two inputs: the trigger's row is joined, in a reused row, with the rows of the other
     * input its key selects (all of them without an index); only the rows passing ON are copied out. Held
     * rows are walked node by node, without an iterator.
     */
    private void matchTwo(int trigger, Object[] data, long ts, RowSink out) {
        Step s = steps[1];
        int other = 1 - trigger;
        Object[] row = scratch;
        // the other input's slots are written before ON reads them; the probe reads the trigger's alone
        place(row, trigger, data);
        Expr probe = trigger == 0 ? s.probe() : s.reverseProbe();
        JoinSource source = inputs[other];
        Object key = null;
        boolean lookup = probe != null && source.indexed();
        if (lookup) {
            ctx.bind(row, ts);
            key = Keys.normalize(probe.eval(ctx));
        }
        if (source instanceof HeldRows held) {
            HeldRows.Node n = lookup ? held.firstOfKey(key) : held.first();
            while (n != null) {
                HeldRows.Node next = lookup ? n.nextOfKey() : n.next();
                joinInto(row, other, n.data(), s.on(), ts, out);
                n = next;
            }
        } else {
            for (Object[] r : lookup ? source.lookup(key) : source.all()) {
                joinInto(row, other, r, s.on(), ts, out);
            }
        }
    }

    private void joinInto(Object[] row, int k, Object[] r, Expr on, long ts, RowSink out) {
        place(row, k, r);
        if (on != null) {
            ctx.bind(row, ts);
            if (!on.evalBool(ctx)) {
                return;
            }
        }
        out.row(row);
    }

    /** The joined rows for a row of input {@code trigger}, evaluated at time {@code ts}. */
    public List<Object[]> match(int trigger, Object[] data, long ts) {
        List<Object[]> rows = new ArrayList<>();
        if (trigger == 0) {
            rows.add(place(new Object[width], 0, data));
        } else {
            Iterable<Object[]> seed;
            Step first = steps[1];
            if (trigger == 1 && first.reverseLookup() != null) {
                seed = first.reverseLookup().rows(data, ts);
            } else if (trigger == 1 && first.reverseProbe() != null && inputs[0].indexed()) {
                ctx.bind(place(new Object[width], 1, data), ts);
                seed = inputs[0].lookup(Keys.normalize(first.reverseProbe().eval(ctx)));
            } else {
                seed = inputs[0].all(); // (a table's all() reads every row: only when no key serves)
            }
            for (Object[] r : seed) {
                rows.add(place(new Object[width], 0, r));
            }
        }
        for (int k = 1; k < inputs.length; k++) {
            rows = step(k, rows, trigger, data, ts);
        }
        return rows;
    }

    private List<Object[]> step(int k, List<Object[]> left, int trigger, Object[] data, long ts) {
        Step s = steps[k];
        boolean padLeft = s.padsLeft() && trigger != k;
        boolean padRight = s.padsRight() && trigger >= k;
        Map<Object[], Boolean> matchedRight = padRight ? new IdentityHashMap<>() : null;
        List<Object[]> out = new ArrayList<>();
        boolean lookup = trigger != k && s.probe() != null && inputs[k].indexed();
        for (Object[] p : left) {
            Iterable<Object[]> candidates;
            if (trigger == k) {
                candidates = List.<Object[]>of(data);
            } else if (s.lookup() != null) {
                candidates = s.lookup().rows(p, ts);
            } else if (lookup) {
                ctx.bind(p, ts);
                candidates = inputs[k].lookup(Keys.normalize(s.probe().eval(ctx)));
            } else {
                candidates = inputs[k].all();
            }
            boolean matched = false;
            for (Object[] r : candidates) {
                Object[] row = place(p.clone(), k, r);
                if (s.on() != null) {
                    ctx.bind(row, ts);
                    if (!s.on().evalBool(ctx)) {
                        continue;
                    }
                }
                out.add(row);
                matched = true;
                if (padRight) {
                    matchedRight.put(r, Boolean.TRUE);
                }
            }
            if (!matched && padLeft) {
                out.add(p);
            }
        }
        if (padRight) {
            Iterable<Object[]> rights = trigger == k ? List.<Object[]>of(data) : inputs[k].all();
            for (Object[] r : rights) {
                if (!matchedRight.containsKey(r)) {
                    out.add(place(new Object[width], k, r));
                }
            }
        }
        return out;
    }

    private Object[] place(Object[] row, int k, Object[] data) {
        System.arraycopy(data, 0, row, offsets[k], widths[k]);
        return row;
    }
}
