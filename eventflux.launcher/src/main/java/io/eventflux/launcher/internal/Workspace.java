package io.eventflux.launcher.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands read from the process besides their arguments, injected so tests need not change it.
 *
 * @param directory the working directory: relative paths and {@code conf/eventflux.toml} are found from here
 * @param environment the variables that {@code ${VAR}} in option values reads
 */
record Workspace(Path directory, Map<String, String> environment) {
    Workspace {
        environment = Map.copyOf(environment);
    }

    static Workspace system() {
        return new Workspace(Path.of("").toAbsolutePath(), System.getenv());
    }
}
