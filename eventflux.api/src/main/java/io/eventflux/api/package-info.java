/**
 * The public API of EventFlux: deploy applications written in EventFlux SQL through the
 * {@link io.eventflux.api.EventFlux} service, send events through an {@link io.eventflux.api.InputHandler}
 * and receive results through a {@link io.eventflux.api.StreamCallback}.
 */
@Export
@Version("1.6.0")
package io.eventflux.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
