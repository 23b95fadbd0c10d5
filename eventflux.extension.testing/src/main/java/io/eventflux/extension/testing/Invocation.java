package io.eventflux.extension.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionContext;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds one call the way the compiler and the engine make it: define, create, apply. */
public final class Invocation {
    private final FunctionFactory factory;
    private final FunctionContext context;
    private final String name;
    private final List<Argument> arguments = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    public Invocation(FunctionFactory factory, FunctionContext context, String name) {
        this.factory = factory;
        this.context = context;
        this.name = name;
    }

    /** An attribute argument of {@code type} whose value at run time is {@code value}. */
    public Invocation arg(AttributeType type, Object value) {
        arguments.add(Argument.attribute("a" + arguments.size(), arguments.size(), type));
        values.add(value);
        return this;
    }

    /** A literal argument. */
    public Invocation constant(AttributeType type, Object value) {
        arguments.add(Argument.constant(type, value, false));
        values.add(value);
        return this;
    }

    public FunctionDefinition define() {
        return factory.define(new FunctionSpec(name, arguments));
    }

    public AttributeType type() {
        return define().returnType();
    }

    /** Applies the function once and checks that a non-null result has the declared type's class. */
    public Object result() {
        FunctionDefinition definition = define();
        Object result = definition.create(context).apply(values.toArray());
        if (result != null) {
            assertThat(result).isInstanceOf(definition.returnType().javaType());
        }
        return result;
    }

    /** The compile-time error of this call. */
    public String error() {
        ExtensionException e = catchThrowableOfType(ExtensionException.class, this::define);
        assertThat(e).as("define(%s) should fail", name).isNotNull();
        return e.getMessage();
    }
}
