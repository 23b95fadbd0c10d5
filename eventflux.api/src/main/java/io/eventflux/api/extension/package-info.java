/**
 * What every extension shares: the {@link io.eventflux.api.extension.Extension} component property
 * annotation that names it, arguments, the clock and timers, state snapshots and parameter errors.
 */
@Export
@Version("1.1.0")
package io.eventflux.api.extension;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
