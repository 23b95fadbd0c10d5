package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** Widens (or converts) a numeric operand to the type its parent works in. */
final class CoerceExpr extends Expr {
    private final Expr operand;

    CoerceExpr(Expr operand, AttributeType type) {
        super(type);
        this.operand = operand;
    }

    @Override
    public Object eval(EvalContext c) {
        return Values.coerce(operand.eval(c), type());
    }

    @Override
    public long evalLong(EvalContext c) {
        return type() == AttributeType.INT || type() == AttributeType.LONG || !operand.type().isNumeric()
                ? operand.evalLong(c) : (long) operand.evalDouble(c);
    }

    @Override
    public double evalDouble(EvalContext c) {
        return operand.evalDouble(c);
    }

    @Override
    public boolean evalBool(EvalContext c) {
        return operand.evalBool(c);
    }
}
