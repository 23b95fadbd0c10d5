package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;

/**
 * Integer arithmetic (INT or LONG result) on the primitive long path. INT results wrap like Java ints;
 * division and remainder by zero are NULL.
 */
final class LongArithmeticExpr extends Expr {
    private final int op;
    private final Expr left;
    private final Expr right;
    private final boolean intResult;

    LongArithmeticExpr(BinaryOp op, Expr left, Expr right, AttributeType type) {
        super(type);
        this.op = op.ordinal();
        this.left = left;
        this.right = right;
        this.intResult = type == AttributeType.INT;
    }

    @Override
    public Object eval(EvalContext c) {
        boolean saved = c.wasNull;
        c.wasNull = false;
        long v = evalLong(c);
        boolean isNull = c.wasNull;
        c.wasNull = saved;
        if (isNull) {
            return null;
        }
        return intResult ? (Object) (int) v : (Object) v;
    }

    @Override
    public long evalLong(EvalContext c) {
        long a = left.evalLong(c);
        long b = right.evalLong(c);
        if (c.wasNull) {
            return 0L;
        }
        if (intResult) {
            int x = (int) a;
            int y = (int) b;
            return switch (op) {
                case 0 -> x + y;
                case 1 -> x - y;
                case 2 -> x * y;
                case 3 -> y == 0 ? nullValue(c) : x / y;
                default -> y == 0 ? nullValue(c) : x % y;
            };
        }
        return switch (op) {
            case 0 -> a + b;
            case 1 -> a - b;
            case 2 -> a * b;
            case 3 -> b == 0 ? nullValue(c) : a / b;
            default -> b == 0 ? nullValue(c) : a % b;
        };
    }

    private static long nullValue(EvalContext c) {
        c.wasNull = true;
        return 0L;
    }

    @Override
    public double evalDouble(EvalContext c) {
        return evalLong(c);
    }
}
