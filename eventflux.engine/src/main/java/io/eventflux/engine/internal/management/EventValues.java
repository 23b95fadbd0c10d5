package io.eventflux.engine.internal.management;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed JSON into event data for a stream: an object by attribute names, an array in schema order,
 * or an array of those. Numbers take the attribute's type when nothing is lost (JSON has one number type).
 */
final class EventValues {
    private EventValues() {
    }

    /** @throws IllegalArgumentException naming the stream, attribute and value */
    static List<Object[]> events(StreamSchema schema, Object json) {
        List<Object[]> out = new ArrayList<>();
        if (json instanceof List<?> list && !list.isEmpty() && (list.get(0) instanceof Map || list.get(0) instanceof List)) {
            for (Object one : list) {
                out.add(event(schema, one));
            }
        } else {
            out.add(event(schema, json));
        }
        return out;
    }

    private static Object[] event(StreamSchema schema, Object json) {
        List<Attribute> attributes = schema.attributes();
        Object[] data = new Object[attributes.size()];
        if (json instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                int i = index(schema, String.valueOf(e.getKey()));
                data[i] = value(schema, attributes.get(i), e.getValue());
            }
        } else if (json instanceof List<?> list) {
            if (list.size() != data.length) {
                throw new IllegalArgumentException("stream " + schema.name() + " expects " + data.length
                        + " value(s) " + attributes + ", got " + list.size() + ": " + list);
            }
            for (int i = 0; i < data.length; i++) {
                data[i] = value(schema, attributes.get(i), list.get(i));
            }
        } else {
            throw new IllegalArgumentException("stream " + schema.name() + ": an event is a JSON object or array, got "
                    + json);
        }
        return data;
    }

    private static int index(StreamSchema schema, String name) {
        List<Attribute> attributes = schema.attributes();
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("stream " + schema.name() + " has no attribute '" + name + "'; attributes: "
                + attributes.stream().map(Attribute::name).toList());
    }

    private static Object value(StreamSchema schema, Attribute a, Object v) {
        if (v == null) {
            return null;
        }
        AttributeType type = a.type();
        Object out = switch (type) {
            case STRING -> v instanceof String ? v : null;
            case BOOL -> v instanceof Boolean ? v : null;
            case INT -> v instanceof Long l && l == l.intValue() ? (Object) l.intValue() : null;
            case LONG -> v instanceof Long ? v : null;
            case FLOAT -> v instanceof Number n && !(n instanceof java.math.BigDecimal) ? (Object) n.floatValue() : null;
            case DOUBLE -> v instanceof Number n ? (Object) n.doubleValue() : null;
            case OBJECT -> v;
        };
        if (out == null) {
            throw new IllegalArgumentException("stream " + schema.name() + ": attribute '" + a.name() + "' expects "
                    + type + ", got " + (v instanceof String ? "'" + v + "'" : String.valueOf(v)) + " ("
                    + v.getClass().getSimpleName() + ")");
        }
        return out;
    }
}
