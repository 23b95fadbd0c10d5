package io.eventflux.launcher.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON {@code data} of an input line into an event's attribute values, converted to the
 * stream's declared types: any JSON number into FLOAT/DOUBLE ({@code 1} becomes {@code 1.0}), a
 * whole number that fits into INT/LONG, a JSON string into STRING, a boolean into BOOL, anything
 * into OBJECT (as String, Boolean, Integer/Long/BigInteger, Double, List or Map). A missing attribute or JSON null is NULL. Everything else (a string into a DOUBLE,
 * 1.5 into an INT, an attribute the stream does not have, an array of the wrong length) is a
 * {@link ConversionException} that names the stream, the attribute and the value.
 */
final class EventConverter {
    Object[] convert(StreamSchema schema, JsonNode data) throws ConversionException {
        Object[] values = new Object[schema.size()];
        if (data.isArray()) {
            if (data.size() != schema.size()) {
                throw new ConversionException("stream '" + schema.name() + "' has " + schema.size()
                        + " attributes " + schema.names() + ", the data array has " + data.size() + " values");
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = value(schema, schema.attribute(i), data.get(i));
            }
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            int index = schema.indexOf(field.getKey());
            if (index < 0) {
                throw new ConversionException("stream '" + schema.name() + "' has no attribute '" + field.getKey()
                        + "' (attributes: " + String.join(", ", schema.names()) + ")");
            }
            values[index] = value(schema, schema.attribute(index), field.getValue());
        }
        return values;
    }

    private Object value(StreamSchema schema, Attribute attribute, JsonNode node) throws ConversionException {
        if (node == null || node.isNull()) {
            return null;
        }
        Object value = convert(attribute.type(), node);
        if (value == null) {
            throw new ConversionException("attribute '" + attribute.name() + "' of stream '" + schema.name()
                    + "' is " + attribute.type() + ", cannot convert " + JsonLinesReader.describe(node));
        }
        return value;
    }

    /** The converted value, or null if the node cannot be converted to the type. */
    private static Object convert(AttributeType type, JsonNode node) {
        return switch (type) {
            case STRING -> node.isTextual() ? node.textValue() : null;
            case BOOL -> node.isBoolean() ? node.booleanValue() : null;
            case DOUBLE -> node.isNumber() ? node.doubleValue() : null;
            case FLOAT -> node.isNumber() ? node.floatValue() : null;
            case INT -> isWhole(node) && node.canConvertToInt() ? Integer.valueOf(node.intValue()) : null;
            case LONG -> isWhole(node) && node.canConvertToLong() ? Long.valueOf(node.longValue()) : null;
            case OBJECT -> toJava(node);
        };
    }

    /** An integer, or a floating-point number without a fraction (JSON writers emit 3.0 for 3). */
    private static boolean isWhole(JsonNode node) {
        if (node.isIntegralNumber()) {
            return true;
        }
        if (!node.isFloatingPointNumber()) {
            return false;
        }
        double d = node.doubleValue();
        return !Double.isInfinite(d) && d == Math.rint(d);
    }

    private static Object toJava(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toJava(element));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), toJava(field.getValue()));
        }
        return map;
    }
}
