/**
 * The window SPI. A {@link io.eventflux.api.window.WindowFactory} validates the arguments of
 * {@code WINDOW('type', args)} at compile time and returns an immutable
 * {@link io.eventflux.api.window.WindowDefinition}; the engine creates one
 * {@link io.eventflux.api.window.Window} per query instance (per partition key) from it. Windows that
 * take a condition ({@code expression}, {@code expressionBatch}) compile it with the engine's
 * {@link io.eventflux.api.window.WindowConditions} and evaluate it through a
 * {@link io.eventflux.api.window.ConditionState} per instance.
 */
@Export
@Version("1.2.0")
package io.eventflux.api.window;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
