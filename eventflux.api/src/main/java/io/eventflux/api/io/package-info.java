/**
 * The connector SPI: {@link io.eventflux.api.io.SourceFactory sources} bring payloads in,
 * {@link io.eventflux.api.io.MapperFactory mappers} turn payloads into events and back, and
 * {@link io.eventflux.api.io.SinkFactory sinks} send payloads out. A stream declared
 * {@code WITH (type = 'source', extension = 'kafka', format = 'json', ...)} gets one of each.
 */
@Export
@Version("2.2.0")
package io.eventflux.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
