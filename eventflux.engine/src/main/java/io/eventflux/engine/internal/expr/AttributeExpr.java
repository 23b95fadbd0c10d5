package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** Reads one attribute of the input event. Input values are already of the attribute's Java class. */
final class AttributeExpr extends Expr {
    private final int index;

    AttributeExpr(int index, AttributeType type) {
        super(type);
        this.index = index;
    }

    @Override
    public Object eval(EvalContext c) {
        return c.data[index];
    }

    @Override
    public long evalLong(EvalContext c) {
        Object v = c.data[index];
        if (v == null) {
            c.wasNull = true;
            return 0L;
        }
        return ((Number) v).longValue();
    }

    @Override
    public double evalDouble(EvalContext c) {
        Object v = c.data[index];
        if (v == null) {
            c.wasNull = true;
            return 0.0;
        }
        return ((Number) v).doubleValue();
    }

    @Override
    public boolean evalBool(EvalContext c) {
        return c.data[index] == Boolean.TRUE || Boolean.TRUE.equals(c.data[index]);
    }
}
