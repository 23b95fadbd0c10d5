/**
 * The function SPI. A {@link io.eventflux.api.function.FunctionFactory} is a library of scalar
 * functions ({@code core}, {@code math}, {@code string}, or a user's own); plain names resolve across
 * all libraries and {@code lib:name(...)} names one.
 */
@Export
@Version("1.0.0")
package io.eventflux.api.function;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
