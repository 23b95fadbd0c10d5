package io.eventflux.engine.internal.join;

/** Hash keys of equality conditions: numbers that compare equal get equal keys (1 = 1L = 1.0). */
public final class Keys {
    private Keys() {
    }

    /** The key of a value: integral numbers as Long, other numbers as Double, anything else as it is. */
    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            long l = (long) d;
            return l == d && !Double.isInfinite(d) ? (Object) l : (Object) d;
        }
        return v;
    }
}
