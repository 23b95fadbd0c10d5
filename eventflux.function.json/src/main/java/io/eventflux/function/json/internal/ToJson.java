package io.eventflux.function.json.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/** toJson(value): the value as JSON text; NULL for NULL, a non-finite number or a value Jackson cannot write. */
final class ToJson {
    private ToJson() {
    }

    static FunctionDefinition define(FunctionCall call, ObjectMapper mapper) {
        call.arity(1, 1);
        return DefinedFunction.of(AttributeType.STRING, a -> write(mapper, a[0]));
    }

    private static Object write(ObjectMapper mapper, Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}
