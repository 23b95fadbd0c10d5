/**
 * The window SPI. A {@link io.eventflux.api.window.WindowFactory} validates the arguments of
 * {@code WINDOW('type', args)} at compile time and returns an immutable
 * {@link io.eventflux.api.window.WindowDefinition}; the engine creates one
 * {@link io.eventflux.api.window.Window} per query instance (per partition key) from it.
 */
@Export
@Version("1.0.0")
package io.eventflux.api.window;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
