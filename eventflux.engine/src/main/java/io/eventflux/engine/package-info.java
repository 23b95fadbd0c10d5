/**
 * The EventFlux runtime as a library: {@link io.eventflux.engine.EventFluxRuntime} deploys apps written in
 * EventFlux SQL and runs them; {@link io.eventflux.engine.ExtensionRegistry} holds the window, aggregator,
 * function, connector and store factories they use. Inside OSGi the engine bundle registers both as
 * services; outside, {@link io.eventflux.engine.EventFluxRuntime#withServiceLoader(ClassLoader)} finds
 * the extensions with {@link java.util.ServiceLoader}.
 */
@Export
@Version("1.5.0")
package io.eventflux.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
