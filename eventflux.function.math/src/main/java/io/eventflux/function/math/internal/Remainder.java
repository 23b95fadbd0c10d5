package io.eventflux.function.math.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/** mod(a, b): the remainder with the sign of a, in the wider type of a and b; NULL when b is zero. */
final class Remainder {
    private Remainder() {
    }

    static FunctionDefinition mod(FunctionCall call) {
        call.arity(2, 2);
        AttributeType type = AttributeType.widest(call.numeric(0), call.numeric(1));
        Function f = switch (type) {
            case INT -> a -> a[0] instanceof Number x && a[1] instanceof Number y && y.intValue() != 0
                    ? x.intValue() % y.intValue() : null;
            case LONG -> a -> a[0] instanceof Number x && a[1] instanceof Number y && y.longValue() != 0
                    ? x.longValue() % y.longValue() : null;
            case FLOAT -> a -> a[0] instanceof Number x && a[1] instanceof Number y && y.floatValue() != 0
                    ? x.floatValue() % y.floatValue() : null;
            default -> a -> a[0] instanceof Number x && a[1] instanceof Number y && y.doubleValue() != 0
                    ? x.doubleValue() % y.doubleValue() : null;
        };
        return DefinedFunction.of(type, f);
    }
}
