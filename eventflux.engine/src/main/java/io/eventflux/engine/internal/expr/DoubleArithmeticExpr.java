package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;

/** Floating-point arithmetic (FLOAT or DOUBLE result) on the primitive double path. */
final class DoubleArithmeticExpr extends Expr {
    private final int op;
    private final Expr left;
    private final Expr right;
    private final boolean floatResult;

    DoubleArithmeticExpr(BinaryOp op, Expr left, Expr right, AttributeType type) {
        super(type);
        this.op = op.ordinal();
        this.left = left;
        this.right = right;
        this.floatResult = type == AttributeType.FLOAT;
    }

    @Override
    public Object eval(EvalContext c) {
        boolean saved = c.wasNull;
        c.wasNull = false;
        double v = evalDouble(c);
        boolean isNull = c.wasNull;
        c.wasNull = saved;
        if (isNull) {
            return null;
        }
        return floatResult ? (Object) (float) v : (Object) v;
    }

    @Override
    public double evalDouble(EvalContext c) {
        double a = left.evalDouble(c);
        double b = right.evalDouble(c);
        if (c.wasNull) {
            return 0.0;
        }
        double r = switch (op) {
            case 0 -> a + b;
            case 1 -> a - b;
            case 2 -> a * b;
            case 3 -> a / b;
            default -> a % b;
        };
        return floatResult ? (float) r : r;
    }

    @Override
    public long evalLong(EvalContext c) {
        return (long) evalDouble(c);
    }
}
