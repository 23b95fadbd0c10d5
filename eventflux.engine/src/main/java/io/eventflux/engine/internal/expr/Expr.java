package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/**
 * A compiled expression. Every node has a fixed type; the boxed path {@link #eval} returns a value of that
 * type's Java class (or null), the primitive paths avoid boxing on numeric and boolean expressions.
 *
 * <p>Protocol of the primitive paths: {@link #evalLong} and {@link #evalDouble} set
 * {@link EvalContext#wasNull} when the value is NULL and never clear it. {@link #evalBool} returns false
 * for NULL (comparisons with NULL are false, AND/OR treat NULL as false).
 */
public abstract class Expr {
    private final AttributeType type;

    protected Expr(AttributeType type) {
        this.type = type;
    }

    public final AttributeType type() {
        return type;
    }

    /** The value (boxed), or null for NULL. */
    public abstract Object eval(EvalContext c);

    /** The value as a long; sets {@code c.wasNull} for NULL. */
    public long evalLong(EvalContext c) {
        Object v = eval(c);
        if (v == null) {
            c.wasNull = true;
            return 0L;
        }
        return ((Number) v).longValue();
    }

    /** The value as a double; sets {@code c.wasNull} for NULL. */
    public double evalDouble(EvalContext c) {
        Object v = eval(c);
        if (v == null) {
            c.wasNull = true;
            return 0.0;
        }
        return ((Number) v).doubleValue();
    }

    /** The value as a condition: NULL is false. */
    public boolean evalBool(EvalContext c) {
        return Boolean.TRUE.equals(eval(c));
    }

    /** True when the value does not depend on the event (literals). */
    public boolean isConstant() {
        return false;
    }
}
