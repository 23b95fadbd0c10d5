package io.eventflux.launcher.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundle of examples/extension-hello, the third-party extension example of docs/extensions.md. The example
 * is a standalone Maven project (no parent, eventflux.api in provided scope) that the root pom lists as a
 * module, and this module depends on it in test scope: the reactor builds and tests it before these ITs run.
 */
final class ExampleExtension {
    private ExampleExtension() {
    }

    static Path bundle() {
        Path root = Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("examples/extension-hello/target/extension-hello-1.0.0.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build the module examples/extension-hello first"
                    + " (mvn install -pl examples/extension-hello)");
        }
        return jar;
    }
}
