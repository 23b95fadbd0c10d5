package io.eventflux.engine.internal.expr;

import io.eventflux.sql.plan.TypedExpr.BinaryOp;

/**
 * Compares strings (lexicographically), booleans and other values. Equality works on anything; ordering
 * needs values of one comparable kind, otherwise it is false. NULL is false.
 */
final class ObjectComparisonExpr extends BoolExpr {
    private final int op;
    private final Expr left;
    private final Expr right;

    ObjectComparisonExpr(BinaryOp op, Expr left, Expr right) {
        this.op = op.ordinal() - BinaryOp.EQ.ordinal();
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        Object a = left.eval(c);
        Object b = right.eval(c);
        if (a == null || b == null) {
            return false;
        }
        if (op == 0) {
            return Values.equal(a, b);
        }
        if (op == 1) {
            return !Values.equal(a, b);
        }
        int cmp;
        try {
            cmp = Values.compare(a, b);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return switch (op) {
            case 2 -> cmp < 0;
            case 3 -> cmp <= 0;
            case 4 -> cmp > 0;
            default -> cmp >= 0;
        };
    }
}
