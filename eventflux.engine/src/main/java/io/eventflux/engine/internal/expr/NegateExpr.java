package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** Unary minus. */
final class NegateExpr extends Expr {
    private final Expr operand;

    NegateExpr(Expr operand, AttributeType type) {
        super(type);
        this.operand = operand;
    }

    @Override
    public Object eval(EvalContext c) {
        Object v = operand.eval(c);
        if (v == null) {
            return null;
        }
        return switch (type()) {
            case INT -> -((Number) v).intValue();
            case LONG -> -((Number) v).longValue();
            case FLOAT -> -((Number) v).floatValue();
            default -> -((Number) v).doubleValue();
        };
    }

    @Override
    public long evalLong(EvalContext c) {
        return -operand.evalLong(c);
    }

    @Override
    public double evalDouble(EvalContext c) {
        return -operand.evalDouble(c);
    }
}
