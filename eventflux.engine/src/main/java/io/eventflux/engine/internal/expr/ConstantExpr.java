package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** A literal, with its primitive forms computed once. */
final class ConstantExpr extends Expr {
    private final Object value;
    private final long longValue;
    private final double doubleValue;
    private final boolean boolValue;

    ConstantExpr(Object value, AttributeType type) {
        super(type);
        this.value = Values.coerce(value, type);
        this.longValue = value instanceof Number n ? n.longValue() : 0L;
        this.doubleValue = value instanceof Number n ? n.doubleValue() : 0.0;
        this.boolValue = Boolean.TRUE.equals(value);
    }

    @Override
    public Object eval(EvalContext c) {
        return value;
    }

    @Override
    public long evalLong(EvalContext c) {
        if (value == null) {
            c.wasNull = true;
        }
        return longValue;
    }

    @Override
    public double evalDouble(EvalContext c) {
        if (value == null) {
            c.wasNull = true;
        }
        return doubleValue;
    }

    @Override
    public boolean evalBool(EvalContext c) {
        return boolValue;
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
