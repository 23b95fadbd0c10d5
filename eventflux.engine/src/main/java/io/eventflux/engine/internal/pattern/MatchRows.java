package io.eventflux.engine.internal.pattern;

import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;

/**
 * Writes a partial match into the flat row of its {@link PatternLayout}: element blocks, then indexed
 * references and per-match aggregates.
 */
final class MatchRows {
    private final PatternLayout layout;
    private final int[] widths;
    private final TypedExpr[] extras;
    private final Expr[] aggregateArguments;
    private final EvalContext scratch = new EvalContext();
    private final Object[] scratchRow;

    MatchRows(PatternLayout layout, int[] widths, ExprCompiler compiler) {
        this.layout = layout;
        this.widths = widths.clone();
        List<TypedExpr> x = layout.extras();
        this.extras = x.toArray(new TypedExpr[0]);
        this.aggregateArguments = new Expr[extras.length];
        for (int i = 0; i < extras.length; i++) {
            if (extras[i] instanceof TypedExpr.ElementAggregate g && g.argument() != null) {
                aggregateArguments[i] = compiler.compile(layout.rewrite(g.argument()));
            }
        }
        this.scratchRow = new Object[layout.blocksWidth()];
    }

    int width() {
        return layout.blocksWidth() + extras.length;
    }

    /**
     * Fills {@code row} from {@code p}, with the candidate event's data (if not null) standing as the last
     * event of element {@code candidateElement}.
     */
    void fill(Partial p, Object[] row, int candidateElement, Object[] candidate) {
        fill(p, row, candidateElement, candidate, null);
    }

    /** As {@link #fill(Partial, Object[], int, Object[])}, computing only the extra slots in {@code extrasRead}
     * (all when null): a filter does not pay for the aggregates of the SELECT. */
    void fill(Partial p, Object[] row, int candidateElement, Object[] candidate, java.util.BitSet extrasRead) {
        for (int k = 0; k < widths.length; k++) {
            Object[] data;
            if (k == candidateElement && candidate != null) {
                data = candidate;
            } else {
                Partial.Ev e = p.last(k);
                data = e == null ? null : e.data();
            }
            int off = layout.offset(k);
            int w = widths[k];
            if (data == null) {
                for (int i = off; i < off + w; i++) {
                    row[i] = null;
                }
            } else {
                System.arraycopy(data, 0, row, off, w);
            }
        }
        int base = layout.blocksWidth();
        if (extrasRead == null) {
            for (int i = 0; i < extras.length; i++) {
                row[base + i] = extra(i, p);
            }
        } else {
            for (int i = extrasRead.nextSetBit(0); i >= 0; i = extrasRead.nextSetBit(i + 1)) {
                row[base + i] = extra(i, p);
            }
        }
    }

    private Object extra(int i, Partial p) {
        if (extras[i] instanceof TypedExpr.EventRef r) {
            Partial.Ev e = p.at(r.input(), r.position(), r.fromEnd());
            return e == null ? null : e.data()[r.index()];
        }
        TypedExpr.ElementAggregate g = (TypedExpr.ElementAggregate) extras[i];
        Aggregator a = g.definition().create();
        int off = layout.offset(g.input());
        for (Partial.Ev e : p.events(g.input())) {
            Object v = null;
            if (aggregateArguments[i] != null) {
                System.arraycopy(e.data(), 0, scratchRow, off, widths[g.input()]);
                scratch.bind(scratchRow, e.ts());
                v = aggregateArguments[i].eval(scratch);
            }
            a.add(v);
        }
        return a.value();
    }
}
