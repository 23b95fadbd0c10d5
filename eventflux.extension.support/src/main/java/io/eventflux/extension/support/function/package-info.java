/**
 * Scaffolding for {@link io.eventflux.api.function.FunctionFactory} libraries: a case-insensitive
 * table of functions ({@link FunctionTable}), a call being validated with the standard argument
 * checks and error messages ({@link FunctionCall}), and the validated result
 * ({@link DefinedFunction}). A library's factory builds one table in its constructor and delegates
 * {@code names()} and {@code define(spec)} to it.
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.function;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
