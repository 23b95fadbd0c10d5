package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** The current value of one of the group's aggregators. */
final class AggregateExpr extends Expr {
    private final int slot;

    AggregateExpr(int slot, AttributeType type) {
        super(type);
        this.slot = slot;
    }

    @Override
    public Object eval(EvalContext c) {
        return Values.coerce(c.aggregates[slot].value(), type());
    }
}
