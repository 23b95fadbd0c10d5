package io.eventflux.function.core.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.Locale;

/**
 * convert(x, 'type') and the value conversions the other core functions widen with. Semantics of CAST:
 * numbers convert (fractions truncate towards zero; out of range is NULL), strings parse as numeric
 * literals ('12.7' to INT is 12; NULL when they cannot), BOOL is 1/0 as a number and a number is true
 * when non-zero, anything formats as STRING.
 */
final class Conversion {
    private static final double LONG_LIMIT = 0x1p63;

    private Conversion() {
    }

    static FunctionDefinition define(FunctionCall call) {
        call.arity(2, 2);
        Argument target = call.argument(1);
        if (!target.isConstant() || !(target.value() instanceof String name)) {
            throw new ExtensionException("function '" + call.name()
                    + "' argument 2 must be a constant type name such as 'LONG', was " + target.describe());
        }
        AttributeType type = typeNamed(name);
        if (type == null) {
            throw new ExtensionException("function '" + call.name() + "' argument 2 names no type: '" + name
                    + "' (use STRING, INT, LONG, FLOAT, DOUBLE, BOOL, OBJECT or a SQL synonym such as BIGINT)");
        }
        return DefinedFunction.of(type, a -> to(type, a[0]));
    }

    /** The type a SQL type name (SQL.md section 1, any case) stands for, or null. */
    static AttributeType typeNamed(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "STRING", "VARCHAR", "TEXT", "CHAR" -> AttributeType.STRING;
            case "INT", "INTEGER", "SMALLINT", "TINYINT" -> AttributeType.INT;
            case "LONG", "BIGINT", "TIMESTAMP", "DATE", "TIME" -> AttributeType.LONG;
            case "FLOAT", "REAL" -> AttributeType.FLOAT;
            case "DOUBLE", "DECIMAL", "NUMERIC" -> AttributeType.DOUBLE;
            case "BOOL", "BOOLEAN" -> AttributeType.BOOL;
            case "OBJECT" -> AttributeType.OBJECT;
            default -> null;
        };
    }

    /** {@code value} as a value of {@code type}, or null when it has no such value. */
    static Object to(AttributeType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> value instanceof String ? value : String.valueOf(value);
            case INT -> toInt(value);
            case LONG -> toLong(value);
            case FLOAT -> toFloat(value);
            case DOUBLE -> toDouble(value);
            case BOOL -> toBool(value);
            case OBJECT -> value;
        };
    }

    private static Integer toInt(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        Long l = toLong(value);
        return l != null && l == l.intValue() ? l.intValue() : null;
    }

    private static Long toLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d >= -LONG_LIMIT && d < LONG_LIMIT ? (long) d : null; // false for NaN
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // '12.7' is 12, as CAST('12.7' AS INT): standard SQL reads the string as a numeric literal
                Double d = toDouble(s);
                return d == null ? null : toLong(d);
            }
        }
        return null;
    }

    private static Float toFloat(Object value) {
        if (value instanceof Float f) {
            return f;
        }
        Double d = toDouble(value);
        if (d == null) {
            return null;
        }
        float f = d.floatValue();
        return Float.isInfinite(f) && !d.isInfinite() ? null : f;
    }

    private static Double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            String t = s.trim();
            return t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue() != 0;
        }
        if (value instanceof Number n) {
            return Double.isNaN(n.doubleValue()) ? null : n.doubleValue() != 0;
        }
        return null;
    }
}
