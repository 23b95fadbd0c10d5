package io.eventflux.engine.internal.join;

import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An equality conjunct of a join condition that an index can serve: {@code left = right} where
 * {@code right} reads input k alone and {@code left} reads only inputs before k (or nothing).
 *
 * @param left the probe side (inputs 0..k-1)
 * @param right the indexed side (input k only)
 * @param leftInputs the inputs the left part reads
 */
public record EquiKey(TypedExpr left, TypedExpr right, BitSet leftInputs) {

    /** The first equality conjunct of {@code on} that input {@code k} can be indexed by, or null. */
    public static EquiKey find(TypedExpr on, int k) {
        if (on == null) {
            return null;
        }
        for (TypedExpr c : conjuncts(on)) {
            if (c instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.EQ) {
                EquiKey key = orient(b.left(), b.right(), k);
                if (key == null) {
                    key = orient(b.right(), b.left(), k);
                }
                if (key != null) {
                    return key;
                }
            }
        }
        return null;
    }

    private static EquiKey orient(TypedExpr left, TypedExpr right, int k) {
        BitSet r = inputs(right);
        BitSet l = inputs(left);
        if (r.cardinality() == 1 && r.get(k) && (l.isEmpty() || l.length() <= k)) {
            return new EquiKey(left, right, l);
        }
        return null;
    }

    /** The top-level AND operands. */
    public static List<TypedExpr> conjuncts(TypedExpr e) {
        List<TypedExpr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(TypedExpr e, List<TypedExpr> out) {
        if (e instanceof TypedExpr.Binary b && b.op() == TypedExpr.BinaryOp.AND) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The inputs an expression reads. Functions count as reading nothing beyond their arguments. */
    public static BitSet inputs(TypedExpr e) {
        BitSet out = new BitSet();
        walk(e, out);
        return out;
    }

    private static void walk(TypedExpr e, BitSet out) {
        if (e == null) {
            return;
        }
        if (e instanceof TypedExpr.AttributeRef a) {
            out.set(a.input());
        } else if (e instanceof TypedExpr.Unary u) {
            walk(u.operand(), out);
        } else if (e instanceof TypedExpr.Binary b) {
            walk(b.left(), out);
            walk(b.right(), out);
        } else if (e instanceof TypedExpr.IsNull n) {
            walk(n.operand(), out);
        } else if (e instanceof TypedExpr.Like l) {
            walk(l.operand(), out);
            walk(l.pattern(), out);
        } else if (e instanceof TypedExpr.In in) {
            walk(in.operand(), out);
            in.values().forEach(v -> walk(v, out));
        } else if (e instanceof TypedExpr.Between b) {
            walk(b.operand(), out);
            walk(b.low(), out);
            walk(b.high(), out);
        } else if (e instanceof TypedExpr.Cast c) {
            walk(c.operand(), out);
        } else if (e instanceof TypedExpr.Case c) {
            walk(c.operand(), out);
            for (TypedExpr.WhenThen w : c.whens()) {
                walk(w.when(), out);
                walk(w.then(), out);
            }
            walk(c.otherwise(), out);
        } else if (e instanceof TypedExpr.FunctionCall f) {
            f.arguments().forEach(a -> walk(a, out));
        }
    }
}
