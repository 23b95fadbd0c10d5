package io.eventflux.engine.internal.app;

import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.engine.internal.expr.Values;
import java.util.Arrays;

/**
 * Checks and converts the data of events sent into a stream, once, at the API boundary: the arity must
 * match and every value must be of its attribute's type; integral numbers widen to LONG, FLOAT and
 * DOUBLE, and any number to DOUBLE. The caller's array is copied only when a value is converted.
 */
public final class InputConverter {
    private final StreamSchema schema;
    private final AttributeType[] types;
    /** The Java class each attribute's values already have (null: any class, checked by {@link #convert(int, Object)}). */
    private final Class<?>[] exact;

    public InputConverter(StreamSchema schema) {
        this.schema = schema;
        this.types = schema.attributes().stream().map(a -> a.type()).toArray(AttributeType[]::new);
        this.exact = new Class<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            exact[i] = switch (types[i]) {
                case STRING -> String.class;
                case INT -> Integer.class;
                case LONG -> Long.class;
                case FLOAT -> Float.class;
                case DOUBLE -> Double.class;
                case BOOL -> Boolean.class;
                default -> null;
            };
        }
    }

    /** @throws IllegalArgumentException naming the stream, the attribute, its type and the value */
    public Object[] convert(Object[] data) {
        if (data == null || data.length != types.length) {
            throw new IllegalArgumentException("stream " + schema.name() + " expects " + types.length
                    + " attribute(s) " + schema.attributes() + ", got "
                    + (data == null ? "null" : data.length + ": " + Arrays.toString(data)));
        }
        Object[] out = data;
        for (int i = 0; i < types.length; i++) {
            Object v = data[i];
            // the common case, one class comparison: the value already has its attribute's class
            if (v == null || v.getClass() == exact[i]) {
                continue;
            }
            Object c = convert(i, v);
            if (c != v) {
                if (out == data) {
                    out = data.clone();
                }
                out[i] = c;
            }
        }
        return out;
    }

    private Object convert(int i, Object v) {
        switch (types[i]) {
            case STRING:
                if (v instanceof String) {
                    return v;
                }
                break;
            case INT:
                if (v instanceof Integer) {
                    return v;
                }
                if (v instanceof Short || v instanceof Byte) {
                    return ((Number) v).intValue();
                }
                break;
            case LONG:
                if (v instanceof Long) {
                    return v;
                }
                if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    return ((Number) v).longValue();
                }
                break;
            case FLOAT:
                if (v instanceof Float) {
                    return v;
                }
                if (Values.isIntegral(v)) {
                    return ((Number) v).floatValue();
                }
                break;
            case DOUBLE:
                if (v instanceof Double) {
                    return v;
                }
                if (v instanceof Number n) {
                    return n.doubleValue();
                }
                break;
            case BOOL:
                if (v instanceof Boolean) {
                    return v;
                }
                break;
            default:
                return v;
        }
        throw new IllegalArgumentException("stream " + schema.name() + ": attribute '" + schema.attribute(i).name()
                + "' expects " + types[i] + ", got " + Values.describe(v));
    }
}
