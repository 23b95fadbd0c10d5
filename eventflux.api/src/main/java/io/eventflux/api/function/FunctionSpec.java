package io.eventflux.api.function;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import java.util.List;

/**
 * A function call as written in SQL.
 *
 * @param name the function name as written (without library prefix)
 * @param arguments the arguments, resolved; constants carry their values
 */
public record FunctionSpec(String name, List<Argument> arguments) {
    public FunctionSpec {
        arguments = List.copyOf(arguments);
    }

    /** The argument types in order. */
    public List<AttributeType> argumentTypes() {
        return arguments.stream().map(Argument::type).toList();
    }

    /** Fails unless the argument count is within bounds. */
    public void expectArguments(int min, int max) {
        int n = arguments.size();
        if (n < min || n > max) {
            throw new io.eventflux.api.extension.ExtensionException("function '" + name + "' takes "
                    + (min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max)
                    + " argument(s), got " + n);
        }
    }
}
