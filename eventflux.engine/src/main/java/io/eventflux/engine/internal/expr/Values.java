package io.eventflux.engine.internal.expr;

import io.eventflux.api.AttributeType;

/** Value conversions and comparisons shared by executors, the selector and input validation. */
public final class Values {
    private Values() {
    }

    /** True for Integer, Long, Short and Byte. */
    public static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    /** Converts a value of a compatible type to the Java class of {@code type} (numbers convert). */
    public static Object coerce(Object v, AttributeType type) {
        if (v == null || type.javaType().isInstance(v)) {
            return v;
        }
        if (v instanceof Number n) {
            switch (type) {
                case INT: return n.intValue();
                case LONG: return n.longValue();
                case FLOAT: return n.floatValue();
                case DOUBLE: return n.doubleValue();
                case STRING: return String.valueOf(v);
                default: return v;
            }
        }
        return type == AttributeType.STRING ? String.valueOf(v) : v;
    }

    /** SQL equality: numbers compare by value across types; NULL equals nothing. */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return x.longValue() == y.longValue();
            }
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    /**
     * Orders two non-null values: numbers by value across types, strings lexicographically, booleans
     * false before true, other comparables of one class by their natural order.
     *
     * @throws IllegalArgumentException when the values cannot be ordered
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        throw new IllegalArgumentException("cannot compare " + describe(a) + " with " + describe(b));
    }

    /** Orders values with NULL first (ORDER BY). */
    public static int compareNullsFirst(Object a, Object b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        if (b == null) {
            return 1;
        }
        return compare(a, b);
    }

    /**
     * CAST semantics: numbers convert (a fraction truncates; out of the target's range, or NaN to an integral
     * type or BOOL, is NULL), strings parse as numeric literals (NULL when they cannot), anything formats as STRING.
     */
    public static Object cast(Object v, AttributeType target) {
        if (v == null) {
            return null;
        }
        switch (target) {
            case STRING:
                return v instanceof String ? v : String.valueOf(v);
            case BOOL:
                if (v instanceof Boolean) {
                    return v;
                }
                if (v instanceof String s) {
                    String t = s.trim();
                    if (t.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (t.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    return null;
                }
                if (isIntegral(v)) {
                    return ((Number) v).longValue() != 0;
                }
                if (v instanceof Number n) {
                    return Double.isNaN(n.doubleValue()) ? null : n.doubleValue() != 0.0;
                }
                return null;
            case OBJECT:
                return v;
            default:
                return castToNumber(v, target);
        }
    }

    private static Object castToNumber(Object v, AttributeType target) {
        Number n;
        if (v instanceof Number num) {
            n = num;
        } else if (v instanceof Boolean b) {
            n = b ? 1 : 0;
        } else if (v instanceof String s) {
            n = parse(s.trim(), target);
            if (n == null) {
                return null;
            }
        } else {
            return null;
        }
        return fits(n, target) ? coerce(n, target) : null;
    }

    /**
     * Whether {@code n} has a value of the numeric type {@code target} (a fraction is truncated towards
     * zero): a value out of the target's range, or NaN for an integral target, has none, and CAST gives
     * NULL rather than a wrapped or saturated number (as convert(x, type) does).
     */
    private static boolean fits(Number n, AttributeType target) {
        if (isIntegral(n)) {
            long l = n.longValue();
            return target != AttributeType.INT || l == (int) l;
        }
        double d = n.doubleValue();
        return switch (target) {
            case INT -> d > Integer.MIN_VALUE - 1.0 && d < Integer.MAX_VALUE + 1.0; // false for NaN
            case LONG -> d >= -0x1p63 && d < 0x1p63;
            case FLOAT -> !(Double.isFinite(d) && Float.isInfinite((float) d));
            default -> true;
        };
    }

    private static Number parse(String s, AttributeType target) {
        try {
            if (target == AttributeType.INT || target == AttributeType.LONG) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    // '12.7' is CAST(12.7 AS INT), as standard SQL reads a numeric literal; fits() checks the range
                    return Double.parseDouble(s);
                }
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How messages show a value: its text and its Java type. */
    public static String describe(Object v) {
        if (v == null) {
            return "NULL";
        }
        String text = v instanceof String s ? "'" + s + "'" : String.valueOf(v);
        return text + " (" + v.getClass().getSimpleName() + ")";
    }
}
