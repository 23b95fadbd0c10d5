package io.eventflux.function.json.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.json.JsonPath;
import io.eventflux.extension.support.function.FunctionCall;

/**
 * jsonGet(json, path). A constant path is compiled once and a bad one is a compile error; a path that
 * varies per event is compiled when it changes, and a bad one gives NULL.
 */
final class JsonGet implements Function {
    private final ObjectMapper mapper;
    private String lastPath;
    private JsonPath lastCompiled;

    private JsonGet(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static FunctionDefinition define(FunctionCall call, ObjectMapper mapper) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        Argument path = call.argument(1);
        if (path.isConstant() && path.value() instanceof String p) {
            JsonPath compiled;
            try {
                compiled = JsonPath.parse(p);
            } catch (IllegalArgumentException e) {
                throw new ExtensionException("function '" + call.name() + "' argument 2 is not a supported JSONPath '"
                        + p + "': " + e.getMessage(), e);
            }
            return DefinedFunction.of(AttributeType.STRING, a -> get(mapper, a[0], compiled));
        }
        return new DefinedFunction(AttributeType.STRING, context -> new JsonGet(mapper));
    }

    static Object get(ObjectMapper mapper, Object json, JsonPath path) {
        if (!(json instanceof String text) || path == null) {
            return null;
        }
        JsonNode node;
        try {
            node = find(mapper.readTree(text), path);
        } catch (JacksonException e) {
            return null;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** The node at the path, or null if absent. */
    private static JsonNode find(JsonNode root, JsonPath path) {
        JsonNode node = root;
        for (Object step : path.steps()) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index
                    ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }

    @Override
    public Object apply(Object[] arguments) {
        if (!(arguments[1] instanceof String path)) {
            return null;
        }
        if (!path.equals(lastPath)) {
            lastPath = path;
            try {
                lastCompiled = JsonPath.parse(path);
            } catch (IllegalArgumentException e) {
                lastCompiled = null;
            }
        }
        return get(mapper, arguments[0], lastCompiled);
    }
}
