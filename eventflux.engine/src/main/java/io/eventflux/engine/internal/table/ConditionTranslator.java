package io.eventflux.engine.internal.table;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.join.EquiKey;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a condition over an event (input 0) and a table row (input {@code tableInput}) into what a store
 * can serve: per event, {@code column op value} comparisons with the values bound (so a store uses its
 * key or an index, or binds them as SQL parameters), a pre-check of the conjuncts that read the event
 * alone, and a {@link Condition.Test} for the rest, evaluated on each candidate row.
 */
public final class ConditionTranslator {
    /** A translatable condition tree: comparisons with per-event values, AND / OR of them. */
    private sealed interface Node {
        Condition bind(EvalContext ctx);
    }

    private record Comparison(String column, Condition.Op op, Expr value) implements Node {
        @Override
        public Condition bind(EvalContext ctx) {
            Object v = value.eval(ctx);
            return v == null ? new Condition.Or(List.of()) : new Condition.Compare(column, op, v);
        }
    }

    private record Junction(boolean and, List<Node> parts) implements Node {
        @Override
        public Condition bind(EvalContext ctx) {
            List<Condition> bound = new ArrayList<>();
            for (Node n : parts) {
                bound.add(n.bind(ctx));
            }
            return and ? new Condition.And(bound) : new Condition.Or(bound);
        }
    }

    private final List<Node> comparisons = new ArrayList<>();
    private final List<Expr> eventOnly = new ArrayList<>();
    private final List<Expr> rest = new ArrayList<>();
    private final String restText;
    private final EvalContext ctx;
    private final int tableOffset;
    private final int width;

    /**
     * @param condition the condition, or null (every row)
     * @param tableInput the table's input index in the condition
     * @param compiler compiles over the combined row [event attributes, table attributes]
     * @param ctx the context {@code compiler} evaluates in
     * @param eventWidth the number of the event's attributes (the table's offset in the combined row)
     */
    public ConditionTranslator(TypedExpr condition, int tableInput, StreamSchema table, ExprCompiler compiler,
            EvalContext ctx, int eventWidth) {
        this.ctx = ctx;
        this.tableOffset = eventWidth;
        this.width = eventWidth + table.size();
        List<String> restParts = new ArrayList<>();
        if (condition != null) {
            for (TypedExpr c : EquiKey.conjuncts(condition)) {
                BitSet inputs = EquiKey.inputs(c);
                if (!inputs.get(tableInput)) {
                    eventOnly.add(compiler.compile(c));
                    continue;
                }
                Node cmp = node(c, tableInput, table, compiler);
                if (cmp != null) {
                    comparisons.add(cmp);
                } else {
                    rest.add(compiler.compile(c));
                    restParts.add(c.toString());
                }
            }
        }
        this.restText = String.join(" AND ", restParts);
    }

    /** A comparison of a table column with a value, or AND / OR of such; null if not translatable. */
    private static Node node(TypedExpr c, int tableInput, StreamSchema table, ExprCompiler compiler) {
        if (c instanceof TypedExpr.Binary b && (b.op() == TypedExpr.BinaryOp.AND || b.op() == TypedExpr.BinaryOp.OR)) {
            Node l = node(b.left(), tableInput, table, compiler);
            Node r = l == null ? null : node(b.right(), tableInput, table, compiler);
            return r == null ? null : new Junction(b.op() == TypedExpr.BinaryOp.AND, List.of(l, r));
        }
        return comparison(c, tableInput, table, compiler);
    }

    private static Comparison comparison(TypedExpr c, int tableInput, StreamSchema table, ExprCompiler compiler) {
        if (!(c instanceof TypedExpr.Binary b) || !b.op().isComparison()) {
            return null;
        }
        if (b.left() instanceof TypedExpr.AttributeRef a && a.input() == tableInput
                && !EquiKey.inputs(b.right()).get(tableInput)) {
            return new Comparison(table.attribute(a.index()).name(), op(b.op(), false), compiler.compile(b.right()));
        }
        if (b.right() instanceof TypedExpr.AttributeRef a && a.input() == tableInput
                && !EquiKey.inputs(b.left()).get(tableInput)) {
            return new Comparison(table.attribute(a.index()).name(), op(b.op(), true), compiler.compile(b.left()));
        }
        return null;
    }

    private static Condition.Op op(TypedExpr.BinaryOp op, boolean flipped) {
        return switch (op) {
            case EQ -> Condition.Op.EQ;
            case NE -> Condition.Op.NE;
            case LT -> flipped ? Condition.Op.GT : Condition.Op.LT;
            case LE -> flipped ? Condition.Op.GE : Condition.Op.LE;
            case GT -> flipped ? Condition.Op.LT : Condition.Op.GT;
            case GE -> flipped ? Condition.Op.LE : Condition.Op.GE;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    /**
     * The store condition for one event, or null when the event-only conjuncts rule out every row.
     *
     * @param event the event's attribute values
     */
    public Condition bind(Object[] event, long timestamp) {
        Object[] row = new Object[width];
        System.arraycopy(event, 0, row, 0, event.length);
        ctx.bind(row, timestamp);
        for (Expr e : eventOnly) {
            if (!e.evalBool(ctx)) {
                return null;
            }
        }
        List<Condition> parts = new ArrayList<>(comparisons.size() + 1);
        for (Node c : comparisons) {
            if (c instanceof Comparison cmp) {
                Object value = cmp.value().eval(ctx);
                if (value == null) {
                    return null; // a comparison with NULL is false
                }
                parts.add(new Condition.Compare(cmp.column(), cmp.op(), value));
            } else {
                parts.add(c.bind(ctx)); // a NULL value inside is an empty OR: false
            }
        }
        if (!rest.isEmpty()) {
            parts.add(new Condition.Test(tableRow -> {
                Object[] combined = row.clone();
                System.arraycopy(tableRow, 0, combined, tableOffset, tableRow.length);
                ctx.bind(combined, timestamp);
                for (Expr e : rest) {
                    if (!e.evalBool(ctx)) {
                        return false;
                    }
                }
                return true;
            }, restText));
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }
}
