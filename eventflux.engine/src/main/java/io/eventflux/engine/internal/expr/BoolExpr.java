package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** Base of conditions: the boxed path is the primitive one boxed (conditions are never NULL). */
abstract class BoolExpr extends Expr {
    BoolExpr() {
        super(AttributeType.BOOL);
    }

    @Override
    public final Object eval(EvalContext c) {
        return evalBool(c) ? Boolean.TRUE : Boolean.FALSE;
    }

    @Override
    public abstract boolean evalBool(EvalContext c);
}
