/**
 * The aggregator SPI: {@code sum(x)}, {@code count()} and kin. One
 * {@link io.eventflux.api.aggregator.Aggregator} instance exists per group and query instance; it is
 * told about arriving and departing values and reports the current aggregate.
 */
@Export
@Version("1.0.0")
package io.eventflux.api.aggregator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
