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
import io.eventflux.extension.support.json.JsonPath;
import io.eventflux.extension.support.mapper.AttributeValues;
import io.eventflux.extension.support.mapper.MapperOptions;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** {@code format = 'json'}: JSON objects to events and back. */
@Component(service = MapperFactory.class)
@ServiceProvider(value = MapperFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.MAPPER, name = "json",
        description = "JSON payloads: an object is one event, an array of objects several; attributes by name.",
        parameters = {"json.ignore-parse-errors: BOOL, skip malformed payloads and events that do not fit",
            "json.date-format: STRING, DateTimeFormatter pattern for LONG attributes given as dates",
            "json.mapping.<attr>: STRING, JSONPath of one value ($.a.b, $['a'], $.a[0])",
            "json.pretty-print: BOOL, indented sink output", "json.template: STRING, sink text with {{attr}}"})
public final class JsonMapperFactory implements MapperFactory {
    static final String IGNORE_PARSE_ERRORS = "json.ignore-parse-errors";
    static final String DATE_FORMAT = "json.date-format";
    static final String PRETTY_PRINT = "json.pretty-print";
    static final String TEMPLATE = "json.template";
    static final String MAPPING = "json.mapping.";

    // Thread-safe once configured; parsers and generators it creates are per call.
    private final JsonFactory json = new JsonFactory();

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
        return new JsonSourceMapper(json, spec.stream(), values, ignore, paths(spec));
    }

    /** One path per attribute when some json.mapping.<attr> is set (the others keep $.name), else null. */
    private static JsonPath[] paths(ConnectorSpec spec) {
        StreamSchema schema = spec.stream();
        JsonPath[] paths = null;
        for (Map.Entry<String, String> e : spec.options().entrySet()) {
            if (!e.getKey().startsWith(MAPPING)) {
                continue;
            }
            String attr = e.getKey().substring(MAPPING.length());
            int index = schema.indexOf(attr);
            if (index < 0) {
                throw new IllegalArgumentException("stream " + schema.name() + ": option '" + e.getKey()
                        + "' names unknown attribute '" + attr + "'; attributes are " + schema.names());
            }
            if (paths == null) {
                paths = new JsonPath[schema.size()];
                for (int i = 0; i < paths.length; i++) {
                    paths[i] = JsonPath.member(schema.attribute(i).name());
                }
            }
            try {
                paths[index] = mappingPath(e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("stream " + schema.name() + ": option '" + e.getKey() + "' = '"
                        + e.getValue() + "' is invalid: " + bad.getMessage());
            }
        }
        return paths;
    }

    /** The shared parser, with this mapper's own (documented) reasons. */
    private static JsonPath mappingPath(String path) {
        if (!path.trim().startsWith("$")) {
            throw new IllegalArgumentException("a path starts with $");
        }
        try {
            return JsonPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("only $.name, ['name'] and [index] steps are supported", e);
        }
    }

    @Override
    public SinkMapper sinkMapper(ConnectorSpec spec) {
        MapperOptions options = new MapperOptions(spec);
        String template = options.string(TEMPLATE);
        if (template != null) {
            return new JsonTemplateSinkMapper(JsonTemplate.parse(template, spec.stream()));
        }
        return new JsonSinkMapper(json, spec.stream(), options.bool(PRETTY_PRINT, false));
    }
}
