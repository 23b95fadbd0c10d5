package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** The current value of one of the group's aggregators. */
final class AggregateExpr extends Expr {
    private final int slot;
    /** The class of this expression's values: an aggregator's value of that class is passed as is. */
    private final Class<?> javaType;

    AggregateExpr(int slot, AttributeType type) {
        super(type);
        this.slot = slot;
        this.javaType = type.javaType();
    }

    @Override
    public Object eval(EvalContext c) {
        Object v = c.aggregates[slot].value();
        // an exact class comparison first: Class.isInstance on a non-constant class is not inlined as well
        return v == null || v.getClass() == javaType ? v : Values.coerce(v, type());
    }
}
