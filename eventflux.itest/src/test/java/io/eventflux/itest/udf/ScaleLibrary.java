package io.eventflux.itest.udf;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionContext;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import java.util.Set;

/**
 * A function library "scale" with {@code times(x) = x * factor}, packaged by {@code UdfBundles} into two
 * versions of a bundle (factor 10, then 100) to update one for the other at run time. One class (no
 * inner classes), so that a bundle is this class and an activator.
 */
public final class ScaleLibrary implements FunctionFactory, FunctionDefinition {
    private final int factor;

    public ScaleLibrary(int factor) {
        this.factor = factor;
    }

    @Override
    public Set<String> names() {
        return Set.of("times");
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return this;
    }

    @Override
    public AttributeType returnType() {
        return AttributeType.INT;
    }

    @Override
    public Function create(FunctionContext context) {
        return args -> args[0] == null ? null : ((Integer) args[0]) * factor;
    }
}
