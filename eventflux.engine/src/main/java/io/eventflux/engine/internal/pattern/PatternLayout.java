package io.eventflux.engine.internal.pattern;

import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat row a pattern match is evaluated as: one block per element (its event, or a counted element's
 * last event; NULLs while unbound), then one slot per indexed reference ({@code e1[0].x}) or per-match
 * aggregate ({@code avg(e1.price)}) the query uses. Rewriting a query's expressions onto this row lets the
 * ordinary expression compiler and selector run pattern queries unchanged.
 */
final class PatternLayout {
    private final int[] offsets;
    private final int width;
    private final Map<TypedExpr, Integer> extras = new LinkedHashMap<>();
    private java.util.BitSet recording;

    PatternLayout(PatternInput input) {
        offsets = new int[input.elements().size()];
        int w = 0;
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = w;
            w += input.elements().get(k).stream().size();
        }
        width = w;
    }

    int offset(int element) {
        return offsets[element];
    }

    /** The extra slots in order: {@link TypedExpr.EventRef} or {@link TypedExpr.ElementAggregate} nodes. */
    List<TypedExpr> extras() {
        return List.copyOf(extras.keySet());
    }

    int blocksWidth() {
        return width;
    }

    int rowWidth() {
        return width + extras.size();
    }

    /** The schema of the flat row (for the selector's input); call after every rewrite. */
    StreamSchema schema(PatternInput input) {
        List<Attribute> attributes = new ArrayList<>();
        for (int k = 0; k < offsets.length; k++) {
            for (Attribute a : input.elements().get(k).stream().attributes()) {
                attributes.add(new Attribute("_e" + k + "_" + a.name(), a.type()));
            }
        }
        int i = 0;
        for (TypedExpr x : extras.keySet()) {
            attributes.add(new Attribute("_x" + i++, x.type()));
        }
        return new StreamSchema("pattern", attributes);
    }

    SelectorPlan rewrite(SelectorPlan s) {
        List<SelectorPlan.OutputColumn> columns = s.columns().stream()
                .map(c -> new SelectorPlan.OutputColumn(c.name(), rewrite(c.expression()))).toList();
        List<SelectorPlan.OrderKey> order = s.orderBy().stream()
                .map(o -> new SelectorPlan.OrderKey(rewrite(o.expression()), o.descending())).toList();
        List<AggregateCall> aggregates = s.aggregates().stream()
                .map(a -> new AggregateCall(a.slot(), a.name(), rewrite(a.argument()), a.definition())).toList();
        return new SelectorPlan(columns, s.distinct(), s.groupBy().stream().map(this::rewrite).toList(),
                rewrite(s.having()), order, s.limit(), s.offset(), aggregates, s.outputSchema());
    }

    /** Like {@link #rewrite(TypedExpr)}, also telling which extra slots the expression reads. */
    TypedExpr rewrite(TypedExpr e, java.util.BitSet extrasRead) {
        recording = extrasRead;
        try {
            return rewrite(e);
        } finally {
            recording = null;
        }
    }

    /** The expression over the flat row (null stays null). */
    TypedExpr rewrite(TypedExpr e) {
        if (e == null || e instanceof TypedExpr.Literal || e instanceof TypedExpr.AggregateRef
                || e instanceof TypedExpr.OutputRef) {
            return e;
        }
        if (e instanceof TypedExpr.AttributeRef a) {
            return new TypedExpr.AttributeRef(0, offsets[a.input()] + a.index(), a.name(), a.type());
        }
        if (e instanceof TypedExpr.EventRef || e instanceof TypedExpr.ElementAggregate) {
            int slot = extras.computeIfAbsent(e, x -> extras.size());
            if (recording != null) {
                recording.set(slot);
            }
            return new TypedExpr.AttributeRef(0, width + slot, "_x" + slot, e.type());
        }
        if (e instanceof TypedExpr.Unary u) {
            return new TypedExpr.Unary(u.op(), rewrite(u.operand()), u.type());
        }
        if (e instanceof TypedExpr.Binary b) {
            return new TypedExpr.Binary(b.op(), rewrite(b.left()), rewrite(b.right()), b.type());
        }
        if (e instanceof TypedExpr.IsNull n) {
            return new TypedExpr.IsNull(rewrite(n.operand()), n.negated());
        }
        if (e instanceof TypedExpr.Like l) {
            return new TypedExpr.Like(rewrite(l.operand()), rewrite(l.pattern()), l.negated());
        }
        if (e instanceof TypedExpr.In in) {
            return new TypedExpr.In(rewrite(in.operand()), in.values().stream().map(this::rewrite).toList(),
                    in.negated());
        }
        if (e instanceof TypedExpr.Between b) {
            return new TypedExpr.Between(rewrite(b.operand()), rewrite(b.low()), rewrite(b.high()), b.negated());
        }
        if (e instanceof TypedExpr.Cast c) {
            return new TypedExpr.Cast(rewrite(c.operand()), c.type());
        }
        if (e instanceof TypedExpr.Case c) {
            List<TypedExpr.WhenThen> whens = c.whens().stream()
                    .map(w -> new TypedExpr.WhenThen(rewrite(w.when()), rewrite(w.then()))).toList();
            return new TypedExpr.Case(rewrite(c.operand()), whens, rewrite(c.otherwise()), c.type());
        }
        if (e instanceof TypedExpr.FunctionCall f) {
            return new TypedExpr.FunctionCall(f.library(), f.name(), f.arguments().stream().map(this::rewrite).toList(),
                    f.definition(), f.type());
        }
        throw new UnsupportedOperationException("expression in a pattern query: " + e);
    }
}
