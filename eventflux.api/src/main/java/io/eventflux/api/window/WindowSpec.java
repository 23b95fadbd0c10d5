package io.eventflux.api.window;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Argument;
import java.util.List;

/**
 * A window call as written in SQL, resolved by the compiler.
 *
 * @param name the window type as written
 * @param arguments the arguments after the type name
 * @param input the schema of the events the window receives
 */
public record WindowSpec(String name, List<Argument> arguments, StreamSchema input) {
    public WindowSpec {
        arguments = List.copyOf(arguments);
    }

    /** The argument at a position, or an error naming the window and how many it expects. */
    public Argument argument(int index, String parameterName) {
        if (index >= arguments.size()) {
            throw new io.eventflux.api.extension.ExtensionException("window '" + name + "' is missing parameter '"
                    + parameterName + "' (argument " + (index + 1) + ")");
        }
        return arguments.get(index);
    }

    /** Fails unless the argument count is within bounds. */
    public void expectArguments(int min, int max, String usage) {
        int n = arguments.size();
        if (n < min || n > max) {
            throw new io.eventflux.api.extension.ExtensionException("window '" + name + "' takes "
                    + (min == max ? String.valueOf(min) : min + " to " + max) + " argument(s): " + usage
                    + "; got " + n);
        }
    }
}
