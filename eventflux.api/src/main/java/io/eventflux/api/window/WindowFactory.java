package io.eventflux.api.window;

import io.eventflux.api.extension.ExtensionException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates windows of one type. Register it as a DS service with {@code @Extension(type = "window")}.
 */
@ConsumerType
public interface WindowFactory {
    /**
     * Validates the arguments against the input schema and returns the plan-time definition.
     * Called at compile time; must not start threads or timers.
     *
     * @throws ExtensionException naming the bad parameter (wrong count, type, non-positive size)
     */
    WindowDefinition define(WindowSpec spec);

    /**
     * Like {@link #define(WindowSpec)}, for windows whose arguments include a condition
     * ({@code expression}, {@code expressionBatch}): {@code conditions} compiles condition strings against
     * {@code spec.input()}. The compiler always calls this form; the default ignores {@code conditions}.
     *
     * @throws ExtensionException naming the bad parameter, or quoting a condition that does not compile
     * @since 1.1
     */
    default WindowDefinition define(WindowSpec spec, WindowConditions conditions) {
        return define(spec);
    }
}
