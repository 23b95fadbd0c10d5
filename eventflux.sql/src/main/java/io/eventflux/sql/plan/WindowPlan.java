package io.eventflux.sql.plan;

import io.eventflux.api.extension.Argument;
import io.eventflux.api.window.WindowDefinition;
import java.util.List;

/**
 * A validated window call.
 *
 * @param type the window type as written
 * @param arguments its resolved arguments
 * @param definition what the window factory returned for them
 */
public record WindowPlan(String type, List<Argument> arguments, WindowDefinition definition) {
    public WindowPlan {
        arguments = List.copyOf(arguments);
    }
}
