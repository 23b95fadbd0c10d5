package io.eventflux.extension.support.function;

import io.eventflux.api.AttributeType;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionContext;
import io.eventflux.api.function.FunctionDefinition;

/**
 * A validated call: the exact return type and how to make the function for one query instance.
 *
 * @param returnType the type of every non-null value the function returns
 * @param instances makes a function instance; stateless functions hand out one shared instance
 */
public record DefinedFunction(AttributeType returnType, java.util.function.Function<FunctionContext, Function> instances)
        implements FunctionDefinition {

    /** A stateless function: every query instance shares it. */
    public static DefinedFunction of(AttributeType returnType, Function function) {
        return new DefinedFunction(returnType, context -> function);
    }

    @Override
    public Function create(FunctionContext context) {
        return instances.apply(context);
    }

    /**
     * The return type only: the factory is a lambda, whose text (class name and identity hash) differs
     * between runs, and an app's plan text fingerprints its stored snapshots. The call's name and arguments
     * are in the plan beside this definition.
     */
    @Override
    public String toString() {
        return "DefinedFunction[returnType=" + returnType + "]";
    }
}
