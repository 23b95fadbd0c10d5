package com.example.hello;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The {@code hello} function library: {@code hello:greet(name)} gives "Hello, NAME!" (NULL for NULL). */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "hello", description = "Greetings (an example third-party extension)",
        parameters = "greet(name: STRING): 'Hello, name!', STRING")
public final class GreetFunctions implements FunctionFactory {
    @Override
    public Set<String> names() {
        return Set.of("greet");
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        if (!spec.name().equalsIgnoreCase("greet")) {
            throw new ExtensionException("the hello library has no function '" + spec.name() + "' (it has greet)");
        }
        spec.expectArguments(1, 1);
        if (spec.argumentTypes().get(0) != AttributeType.STRING) {
            throw new ExtensionException("hello:greet(name) takes a STRING, got " + spec.argumentTypes().get(0));
        }
        return new FunctionDefinition() {
            @Override
            public AttributeType returnType() {
                return AttributeType.STRING;
            }

            @Override
            public io.eventflux.api.function.Function create(io.eventflux.api.function.FunctionContext context) {
                return args -> args[0] == null ? null : "Hello, " + args[0] + "!";
            }
        };
    }
}
