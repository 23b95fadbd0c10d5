package io.eventflux.engine.internal.expr;

import io.eventflux.sql.plan.TypedExpr.BinaryOp;

/** Compares two numeric operands as doubles (at least one is FLOAT or DOUBLE). NULL is false. */
final class DoubleComparisonExpr extends BoolExpr {
    private final int op;
    private final Expr left;
    private final Expr right;

    DoubleComparisonExpr(BinaryOp op, Expr left, Expr right) {
        this.op = op.ordinal() - BinaryOp.EQ.ordinal();
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        boolean saved = c.wasNull;
        c.wasNull = false;
        double a = left.evalDouble(c);
        double b = right.evalDouble(c);
        boolean isNull = c.wasNull;
        c.wasNull = saved;
        if (isNull) {
            return false;
        }
        return switch (op) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 2 -> a < b;
            case 3 -> a <= b;
            case 4 -> a > b;
            default -> a >= b;
        };
    }
}
