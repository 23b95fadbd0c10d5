package io.eventflux.function.core.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.UUID;

/** Functions without arguments whose value comes from the engine's context or from chance. */
final class ContextFunctions {
    private ContextFunctions() {
    }

    static FunctionDefinition uuid(FunctionCall call) {
        call.arity(0, 0);
        return DefinedFunction.of(AttributeType.STRING, a -> UUID.randomUUID().toString());
    }

    /** now() and currentTimeMillis(): the app's clock, which is virtual in playback mode. */
    static FunctionDefinition now(FunctionCall call) {
        call.arity(0, 0);
        return new DefinedFunction(AttributeType.LONG, context -> a -> context.clock().now());
    }

    static FunctionDefinition eventTimestamp(FunctionCall call) {
        call.arity(0, 0);
        return new DefinedFunction(AttributeType.LONG, context -> a -> context.eventTimestamp());
    }
}
