/**
 * JSON helpers shared by extension bundles, independent of any JSON library: {@link JsonPath}, the
 * subset of JSONPath that picks one value ({@code $} followed by {@code .name}, {@code ['name']} /
 * {@code ["name"]} and {@code [index]} steps), parsed once into a list of steps that a bundle can walk
 * over its own tree type, or applied directly to a tree of {@link java.util.Map}s and {@link java.util.List}s.
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
