package io.eventflux.function.json.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * jsonGet(json, path), through Jayway JSONPath on its Jackson provider. A constant path is compiled once
 * and a bad one is a compile error; a path that varies per event is compiled when it changes, and a bad
 * one gives NULL.
 */
final class JsonGet implements Function {
    private final Configuration configuration;
    private String lastPath;
    private JsonPath lastCompiled;

    private JsonGet(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * Jayway on the library's mapper, with both providers named so that Jayway never builds its json-smart
     * defaults. Here rather than in JsonFunctions: verifying that class would then load Jayway at startup.
     */
    static Configuration configuration(ObjectMapper mapper) {
        return Configuration.builder().jsonProvider(new JacksonJsonProvider(mapper))
                .mappingProvider(new JacksonMappingProvider(mapper)).build();
    }

    /** @param configuration asked for when the call is defined, so Jayway loads with the first jsonGet */
    static FunctionDefinition define(FunctionCall call, Supplier<Configuration> configuration) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        Argument path = call.argument(1);
        Configuration conf = configuration.get();
        if (path.isConstant() && path.value() instanceof String p) {
            JsonPath compiled;
            try {
                compiled = JsonPath.compile(p);
            } catch (InvalidPathException | IllegalArgumentException e) {
                throw new ExtensionException("function '" + call.name() + "' argument 2 is not a valid JSONPath '"
                        + p + "': " + e.getMessage(), e);
            }
            return DefinedFunction.of(AttributeType.STRING, a -> get(conf, a[0], compiled));
        }
        return new DefinedFunction(AttributeType.STRING, context -> new JsonGet(conf));
    }

    static Object get(Configuration configuration, Object json, JsonPath path) {
        if (!(json instanceof String text) || path == null) {
            return null;
        }
        Object value;
        try {
            value = path.read(configuration.jsonProvider().parse(text), configuration);
        } catch (JsonPathException e) {
            // invalid JSON, no match (PathNotFoundException), or a step that does not apply ($.a[0] on an object)
            return null;
        }
        if (value == null || value instanceof String) {
            return value;
        }
        // an object, an array, or the matches of an indefinite path ($..a, $.a[*]) as compact JSON
        return value instanceof Map || value instanceof List ? configuration.jsonProvider().toJson(value)
                : value.toString();
    }

    @Override
    public Object apply(Object[] arguments) {
        if (!(arguments[1] instanceof String path)) {
            return null;
        }
        if (!path.equals(lastPath)) {
            lastPath = path;
            try {
                lastCompiled = JsonPath.compile(path);
            } catch (InvalidPathException | IllegalArgumentException e) {
                lastCompiled = null;
            }
        }
        return get(configuration, arguments[0], lastCompiled);
    }
}
