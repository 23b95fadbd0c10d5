package io.eventflux.mapper.json.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import com.fasterxml.jackson.core.JsonFactory;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SinkMapper;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.extension.support.mapper.AttributeValues;
import io.eventflux.extension.support.mapper.MapperOptions;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code format = 'json'}: JSON objects to events and back.
 *
 * <p>Source: an object is one event, a top-level array one per element; attributes are taken by name,
 * streamed straight from the Jackson parser. {@code json.mapping.<attr>} gives an attribute a JSONPath
 * instead (full Jayway syntax: deep scan, wildcards, filters, slices, functions; a path without {@code $}
 * starts at the root), compiled when the mapper is made, so an invalid path fails the deployment with the
 * stream, the option (hence the attribute) and the path. The paths run on one Map/List tree per payload.
 * As in Siddhi with {@code fail.on.missing.attribute = false}, and as a missing field by name, a path that
 * matches nothing gives NULL.
 * {@code json.enclosing-element} (Siddhi's {@code enclosing.element}) is the JSONPath of the events inside
 * an envelope payload; the attribute paths then start at each event.
 */
@Component(service = MapperFactory.class)
@ServiceProvider(value = MapperFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.MAPPER, name = "json",
        description = "JSON payloads: an object is one event, an array of objects several; attributes by name,"
                + " or by JSONPath (Jayway) with json.mapping.<attr>.",
        parameters = {"json.ignore-parse-errors: BOOL = false, skip malformed payloads and events that do not fit",
            "json.date-format: STRING = (none: numbers only), DateTimeFormatter pattern for LONG attributes given "
                    + "as dates",
            "json.mapping.<attr>: STRING = (the attribute's name), JSONPath of the attribute's value in each event "
                    + "object (Jayway syntax: $.a.b, $['a'], $.a[0], $..a, $.a[*].b, $.a[?(@.b > 1)].c, $.a.length()); no match is NULL;"
                    + " a path matching several values fills an OBJECT attribute with the list, any other with its"
                    + " only value (NULL if none, an error if more)",
            "json.enclosing-element: STRING = (none: the whole payload), JSONPath of the events in the payload: an "
                    + "object is one event, an array one per element; json.mapping paths then start at each event",
            "json.pretty-print: BOOL = false, indented sink output",
            "json.template: STRING = (none: the event as a JSON object), sink text with {{attr}}"})
public final class JsonMapperFactory implements MapperFactory {
    static final String IGNORE_PARSE_ERRORS = "json.ignore-parse-errors";
    static final String DATE_FORMAT = "json.date-format";
    static final String PRETTY_PRINT = "json.pretty-print";
    static final String TEMPLATE = "json.template";
    static final String MAPPING = "json.mapping.";

    // Thread-safe once configured; parsers and generators it creates are per call.
    /** Made on the first mapper an app asks for: start-up need not load Jackson. */
    private JsonFactory json;
    /** Made for the first mapper with paths: it loads Jayway and jackson-databind, which startup skips. */
    private JsonPathCompiler paths;

    private synchronized JsonFactory json() {
        if (json == null) {
            json = new JsonFactory();
        }
        return json;
    }

    private synchronized JsonPathCompiler paths() {
        if (paths == null) {
            paths = new JsonPathCompiler();
        }
        return paths;
    }

    @Override
    public SourceMapper sourceMapper(ConnectorSpec spec) {
        MapperOptions options = new MapperOptions(spec);
        boolean ignore = options.bool(IGNORE_PARSE_ERRORS, false);
        String dateFormat = options.string(DATE_FORMAT);
        AttributeValues values;
        try {
            values = new AttributeValues(spec.stream().name(), dateFormat);
        } catch (IllegalArgumentException e) {
            throw options.invalid(DATE_FORMAT, dateFormat, "a java.time.format.DateTimeFormatter pattern");
        }
        Map<String, String> mappings = mappings(spec);
        String enclosing = options.string(JsonPathMapping.ENCLOSING_ELEMENT);
        // Without paths the mapper streams each payload straight into data arrays (no tree per event)
        JsonPathMapping mapping = mappings.isEmpty() && enclosing == null ? null
                : new JsonPathMapping(spec.stream(), values, paths(), mappings, enclosing);
        return new JsonSourceMapper(json(), spec.stream(), values, ignore, mapping);
    }

    /** The json.mapping.<attr> options by attribute name. */
    private static Map<String, String> mappings(ConnectorSpec spec) {
        StreamSchema schema = spec.stream();
        Map<String, String> mappings = new HashMap<>();
        for (Map.Entry<String, String> e : spec.options().entrySet()) {
            if (!e.getKey().startsWith(MAPPING)) {
                continue;
            }
            String attr = e.getKey().substring(MAPPING.length());
            if (schema.indexOf(attr) < 0) {
                throw new IllegalArgumentException("stream " + schema.name() + ": option '" + e.getKey()
                        + "' names unknown attribute '" + attr + "'; attributes are " + schema.names());
            }
            mappings.put(attr, e.getValue());
        }
        return mappings;
    }

    @Override
    public SinkMapper sinkMapper(ConnectorSpec spec) {
        MapperOptions options = new MapperOptions(spec);
        String template = options.string(TEMPLATE);
        if (template != null) {
            return new JsonTemplateSinkMapper(JsonTemplate.parse(template, spec.stream()));
        }
        return new JsonSinkMapper(json(), spec.stream(), options.bool(PRETTY_PRINT, false));
    }
}
