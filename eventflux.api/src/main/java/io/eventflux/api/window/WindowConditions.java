package io.eventflux.api.window;

import io.eventflux.api.extension.ExtensionException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Compiles window conditions ({@code WINDOW('expression', 'count() <= 3')}) against the input schema of
 * the window being defined. The engine implements it and hands it to
 * {@link WindowFactory#define(WindowSpec, WindowConditions)} at compile time.
 *
 * <p>A condition is an EventFlux SQL expression of type BOOL over the window's contents: aggregate calls
 * ({@code count()}, {@code sum(volume)}, {@code avg(price)}, {@code min}/{@code max}, any registered
 * aggregator) over the events the window holds, {@code first.attr} and {@code last.attr} (the oldest and
 * the newest held event; a bare attribute outside an aggregate means {@code last.attr}), constants and
 * scalar functions. Example: {@code last.ts - first.ts < 5000 AND sum(volume) < 1000}.
 *
 * @since 1.1
 */
@ProviderType
public interface WindowConditions {
    /**
     * Parses and types a condition. Called at compile time, on the compiling thread.
     *
     * @param expression the condition as written in the window call
     * @return the validated condition, immutable and shared by all instances of the query
     * @throws ExtensionException when the condition does not parse, names an unknown attribute, aggregator
     *     or function, or is not of type BOOL; the message quotes the condition and says where it is wrong
     */
    WindowCondition compile(String expression);
}
