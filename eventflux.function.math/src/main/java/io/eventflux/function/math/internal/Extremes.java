package io.eventflux.function.math.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;

/**
 * maximum(a, b, ...) and minimum(a, b, ...): the extreme non-NULL argument in the widest argument type
 * (NULL arguments are skipped, as Siddhi and the Rust engine do; all NULL gives NULL).
 */
final class Extremes implements Function {
    private final AttributeType type;
    private final boolean max;

    private Extremes(AttributeType type, boolean max) {
        this.type = type;
        this.max = max;
    }

    static FunctionDefinition define(FunctionCall call, boolean max) {
        int n = call.arity(1, Integer.MAX_VALUE);
        AttributeType type = AttributeType.INT;
        for (int i = 0; i < n; i++) {
            type = AttributeType.widest(type, call.numeric(i));
        }
        return DefinedFunction.of(type, new Extremes(type, max));
    }

    @Override
    public Object apply(Object[] arguments) {
        return type == AttributeType.INT || type == AttributeType.LONG ? integral(arguments) : floating(arguments);
    }

    private Object integral(Object[] arguments) {
        boolean found = false;
        long best = 0;
        for (Object o : arguments) {
            if (o instanceof Number n) {
                long v = n.longValue();
                if (!found || (max ? v > best : v < best)) {
                    best = v;
                    found = true;
                }
            }
        }
        if (!found) {
            return null;
        }
        return type == AttributeType.INT ? (Object) (int) best : (Object) best;
    }

    private Object floating(Object[] arguments) {
        boolean found = false;
        double best = 0;
        for (Object o : arguments) {
            if (o instanceof Number n) {
                double v = n.doubleValue();
                if (!found || (max ? v > best : v < best)) {
                    best = v;
                    found = true;
                }
            }
        }
        if (!found) {
            return null;
        }
        return type == AttributeType.FLOAT ? (Object) (float) best : (Object) best;
    }
}
