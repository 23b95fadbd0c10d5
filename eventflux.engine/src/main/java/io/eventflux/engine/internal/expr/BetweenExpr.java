package io.eventflux.engine.internal.expr;

/** x [NOT] BETWEEN low AND high, inclusive, at the widest operand type. NULL anywhere is false. */
final class BetweenExpr extends BoolExpr {
    private final Expr operand;
    private final Expr low;
    private final Expr high;
    private final boolean negated;
    private final boolean numeric;
    private final boolean integral;

    BetweenExpr(Expr operand, Expr low, Expr high, boolean negated) {
        this.operand = operand;
        this.low = low;
        this.high = high;
        this.negated = negated;
        this.numeric = operand.type().isNumeric() && low.type().isNumeric() && high.type().isNumeric();
        this.integral = numeric && isIntegral(operand) && isIntegral(low) && isIntegral(high);
    }

    private static boolean isIntegral(Expr e) {
        return e.type() == io.eventflux.api.AttributeType.INT || e.type() == io.eventflux.api.AttributeType.LONG;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        if (numeric) {
            boolean saved = c.wasNull;
            c.wasNull = false;
            boolean inside;
            if (integral) {
                long v = operand.evalLong(c);
                inside = v >= low.evalLong(c) && v <= high.evalLong(c);
            } else {
                double v = operand.evalDouble(c);
                inside = v >= low.evalDouble(c) && v <= high.evalDouble(c);
            }
            boolean isNull = c.wasNull;
            c.wasNull = saved;
            return !isNull && inside != negated;
        }
        Object v = operand.eval(c);
        Object lo = low.eval(c);
        Object hi = high.eval(c);
        if (v == null || lo == null || hi == null) {
            return false;
        }
        try {
            boolean inside = Values.compare(v, lo) >= 0 && Values.compare(v, hi) <= 0;
            return inside != negated;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
