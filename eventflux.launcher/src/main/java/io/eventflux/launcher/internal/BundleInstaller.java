package io.eventflux.launcher.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Installs the extension bundles a command is given with {@code --bundle}, before it compiles its app: inside
 * OSGi {@link OsgiBundles}. Cli knows only this interface.
 */
@FunctionalInterface
interface BundleInstaller {
    /**
     * Installs and starts the bundles, and returns once their DS components are registered.
     *
     * @param directory what relative paths are relative to (the working directory)
     * @param given the jars and folders of jars, as the command line gave them, in order
     * @throws CommandFailure (exit 1) naming the jar and what is wrong: missing, not a bundle, a requirement
     *         that nothing provides, a component that does not come up
     */
    void install(Path directory, List<String> given) throws CommandFailure;
}
