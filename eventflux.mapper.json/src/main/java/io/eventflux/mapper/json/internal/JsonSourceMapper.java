package io.eventflux.mapper.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.extension.support.mapper.AttributeValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams through one payload with the Jackson parser, straight into data arrays: no tree per event.
 * Unknown fields are skipped, missing attributes are NULL. Only with JSONPaths ({@code json.mapping.<attr>}
 * or {@code json.enclosing-element}) is the payload read into one Map/List tree (each object of a
 * top-level array, or the whole payload for an enclosing element), which the compiled paths select from.
 */
final class JsonSourceMapper implements SourceMapper {
    private final JsonFactory json;
    private final StreamSchema schema;
    private final AttributeValues values;
    private final boolean ignoreErrors;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final JsonPathMapping mapping; // null: attributes by name, streaming

    JsonSourceMapper(JsonFactory json, StreamSchema schema, AttributeValues values, boolean ignoreErrors,
            JsonPathMapping mapping) {
        this.json = json;
        this.mapping = mapping;
        this.schema = schema;
        this.values = values;
        this.ignoreErrors = ignoreErrors;
        for (int i = 0; i < schema.size(); i++) {
            indexByName.put(schema.attribute(i).name(), i);
        }
    }

    @Override
    public List<Object[]> map(Object payload) throws MappingException {
        List<Object[]> out = new ArrayList<>(1);
        try (JsonParser p = open(payload)) {
            JsonToken first = p.nextToken();
            if (mapping != null && mapping.hasEnclosingElement() && first != null) {
                Object root = readAny(p, first);
                expectEnd(p);
                addEnclosedEvents(root, out);
                return out;
            }
            if (first == JsonToken.START_OBJECT) {
                addEvent(p, out);
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw notObject(p, t);
                    }
                    addEvent(p, out);
                }
            } else {
                throw notObject(p, first);
            }
            expectEnd(p);
        } catch (JsonProcessingException e) {
            if (ignoreErrors) {
                return List.of();
            }
            throw new MappingException("stream " + schema.name() + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (MappingException e) {
            if (ignoreErrors) {
                return out;
            }
            throw e;
        } catch (IOException e) {
            throw new MappingException("stream " + schema.name() + ": cannot read the payload: " + e.getMessage(), e);
        }
        return out;
    }

    private void expectEnd(JsonParser p) throws IOException, MappingException {
        if (p.nextToken() != null) {
            throw new MappingException("stream " + schema.name() + ": malformed JSON: more than one value in the payload");
        }
    }

    /** The events at the enclosing element; with ignoreErrors, those that are not objects or do not fit are skipped. */
    private void addEnclosedEvents(Object root, List<Object[]> out) throws MappingException {
        for (Object event : mapping.events(root)) {
            try {
                if (!(event instanceof Map)) {
                    throw new MappingException("stream " + schema.name() + ": " + JsonPathMapping.ENCLOSING_ELEMENT
                            + " holds " + (event instanceof List ? "an array" : "'" + event + "'")
                            + " where an event object was expected");
                }
                out.add(mapping.data(event));
            } catch (MappingException e) {
                if (!ignoreErrors) {
                    throw e;
                }
            }
        }
    }

    private JsonParser open(Object payload) throws IOException, MappingException {
        if (payload instanceof byte[] bytes) {
            return json.createParser(bytes);
        }
        if (payload instanceof String s) {
            return json.createParser(s);
        }
        if (payload == null) {
            throw new MappingException("stream " + schema.name() + ": null payload");
        }
        return json.createParser(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    private MappingException notObject(JsonParser p, JsonToken t) throws IOException {
        return new MappingException("stream " + schema.name()
                + ": expected a JSON object or an array of objects, found " + (t == null ? "nothing" : p.getText()));
    }

    /** Reads the object the parser stands at (START_OBJECT); adds its event, or skips it if it does not fit. */
    private void addEvent(JsonParser p, List<Object[]> out) throws IOException, MappingException {
        if (mapping != null) {
            addEventByPaths(readAny(p, JsonToken.START_OBJECT), out);
            return;
        }
        Object[] data = new Object[schema.size()];
        MappingException failed = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer index = indexByName.get(p.currentName());
            JsonToken t = p.nextToken();
            if (index == null) {
                p.skipChildren();
                continue;
            }
            try {
                data[index] = value(p, t, schema.attribute(index));
            } catch (MappingException e) {
                if (!ignoreErrors) {
                    throw e;
                }
                failed = e;
                p.skipChildren();
            }
        }
        if (failed == null) {
            out.add(data);
        }
    }

    private void addEventByPaths(Object tree, List<Object[]> out) throws MappingException {
        try {
            out.add(mapping.data(tree));
        } catch (MappingException e) {
            if (!ignoreErrors) {
                throw e;
            }
        }
    }

    private Object value(JsonParser p, JsonToken t, Attribute a) throws IOException, MappingException {
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> values.fromText(a, p.getText(), "");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.fromNumber(a, p.getNumberValue(), p.getText(), "");
            case VALUE_TRUE -> values.fromBoolean(a, true, "");
            case VALUE_FALSE -> values.fromBoolean(a, false, "");
            case START_OBJECT, START_ARRAY -> structure(p, t, a);
            default -> throw values.error(a, String.valueOf(t), "");
        };
    }

    /** A nested object or array: OBJECT attributes take it as Map/List, others refuse it. */
    private Object structure(JsonParser p, JsonToken t, Attribute a) throws IOException, MappingException {
        if (a.type() != io.eventflux.api.AttributeType.OBJECT) {
            String shown = t == JsonToken.START_OBJECT ? "{...}" : "[...]";
            p.skipChildren();
            throw values.error(a, shown, "");
        }
        return readAny(p, t);
    }

    private static Object readAny(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, readAny(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(readAny(p, e));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
