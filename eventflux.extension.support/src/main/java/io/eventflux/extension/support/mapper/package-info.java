/**
 * Building blocks for {@link io.eventflux.api.io.MapperFactory payload mappers}: the conversion of
 * text and JSON-like values to a stream's declared attribute types, with errors that name the stream,
 * the attribute and the value ({@link AttributeValues}); the parsing of mapper options
 * ({@link MapperOptions}).
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.mapper;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
