package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** CAST(x AS type). */
final class CastExpr extends Expr {
    private final Expr operand;

    CastExpr(Expr operand, AttributeType type) {
        super(type);
        this.operand = operand;
    }

    @Override
    public Object eval(EvalContext c) {
        return Values.cast(operand.eval(c), type());
    }
}
