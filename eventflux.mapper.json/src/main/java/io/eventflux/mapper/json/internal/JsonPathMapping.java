package io.eventflux.mapper.json.internal;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.MappingException;
import io.eventflux.extension.support.mapper.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source mapper's {@code json.mapping.<attr>} paths (attributes without one keep {@code $['name']}) and
 * its optional {@code json.enclosing-element}, compiled once, evaluated on a Map/List tree.
 *
 * <p>A path that matches nothing gives NULL, as a missing field does by name. A definite path's value is
 * converted to the attribute's type; an indefinite one (wildcard, deep scan, filter, slice) matches a list:
 * an OBJECT attribute takes the list, any other takes its only value, NULL when it is empty, and refuses
 * more than one. Immutable and thread-safe.
 */
final class JsonPathMapping {
    static final String ENCLOSING_ELEMENT = "json.enclosing-element";

    private final StreamSchema schema;
    private final AttributeValues values;
    private final Configuration configuration;
    private final JsonPath[] paths;
    private final String[] written; // each path as the user wrote it, for errors
    private final JsonPath events; // null: the payload's object, or each object of its top-level array
    private final String eventsWritten;

    JsonPathMapping(StreamSchema schema, AttributeValues values, JsonPathCompiler compiler,
            Map<String, String> mappings, String enclosingElement) {
        this.schema = schema;
        this.values = values;
        this.configuration = compiler.configuration();
        this.paths = new JsonPath[schema.size()];
        this.written = new String[schema.size()];
        for (int i = 0; i < paths.length; i++) {
            String name = schema.attribute(i).name();
            String path = mappings.get(name);
            written[i] = path != null ? path : "$['" + name.replace("'", "\\'") + "']";
            paths[i] = compiler.compile(schema.name(), JsonMapperFactory.MAPPING + name, written[i]);
        }
        this.eventsWritten = enclosingElement;
        this.events = enclosingElement == null ? null
                : compiler.compile(schema.name(), ENCLOSING_ELEMENT, enclosingElement);
    }

    boolean hasEnclosingElement() {
        return events != null;
    }

    /**
     * The values at the enclosing element of a whole payload: an object is one event, an array holds one
     * per element (an indefinite path's matches are taken one by one the same way). Elements are returned
     * as they are: the caller refuses those that are not objects.
     *
     * @throws MappingException if the element is absent or null
     */
    List<Object> events(Object root) throws MappingException {
        Object found = read(events, root, ENCLOSING_ELEMENT, eventsWritten);
        if (found == null) {
            throw new MappingException("stream " + schema.name() + ": " + ENCLOSING_ELEMENT + " '" + eventsWritten
                    + "' matches nothing in the payload");
        }
        List<Object> out = new ArrayList<>();
        if (events.isDefinite() || !(found instanceof List)) {
            addEvents(found, out);
        } else {
            for (Object match : (List<?>) found) {
                addEvents(match, out);
            }
        }
        return out;
    }

    private static void addEvents(Object value, List<Object> out) {
        if (value instanceof List<?> list) {
            out.addAll(list);
        } else {
            out.add(value);
        }
    }

    /** One event's data from its object. */
    Object[] data(Object event) throws MappingException {
        Object[] data = new Object[paths.length];
        for (int i = 0; i < data.length; i++) {
            Attribute a = schema.attribute(i);
            Object v = read(paths[i], event, JsonMapperFactory.MAPPING + a.name(), written[i]);
            // an indefinite path gives its matches, unless it ends in a function ($..p.sum()): one value
            data[i] = !paths[i].isDefinite() && (v == null || v instanceof List) ? convertMatches((List<?>) v, a, i)
                    : convert(v, a);
        }
        return data;
    }

    /** The path's value or list of matches; null when a definite path matches nothing. */
    private Object read(JsonPath path, Object tree, String key, String text) throws MappingException {
        try {
            return path.read(tree, configuration);
        } catch (PathNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            // JsonPathException, e.g. a function applied to values it does not take ($.name.sum()), or any
            // other failure inside Jayway: the payload's error, not the source's
            throw new MappingException("stream " + schema.name() + ": option '" + key + "' = '" + text
                    + "' cannot be evaluated: " + e.getMessage(), e);
        }
    }

    private Object convertMatches(List<?> matches, Attribute a, int index) throws MappingException {
        if (matches == null || a.type() == AttributeType.OBJECT) {
            return matches;
        }
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() > 1) {
            throw new MappingException("stream " + schema.name() + ": attribute '" + a.name() + "' (" + a.type()
                    + "): path '" + written[index] + "' matches " + matches.size() + " values " + abbreviate(matches)
                    + ", expected one");
        }
        return convert(matches.get(0), a);
    }

    private Object convert(Object v, Attribute a) throws MappingException {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return values.fromText(a, s, "");
        }
        if (v instanceof Number n) {
            return values.fromNumber(a, n, n.toString(), "");
        }
        if (v instanceof Boolean b) {
            return values.fromBoolean(a, b, "");
        }
        if (a.type() == AttributeType.OBJECT) {
            return v;
        }
        throw values.error(a, v instanceof Map ? "{...}" : "[...]", "");
    }

    private static String abbreviate(List<?> matches) {
        String text = matches.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
