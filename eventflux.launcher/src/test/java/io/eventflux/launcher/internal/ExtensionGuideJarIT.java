package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/extensions.md run as a reader runs it (see {@link QuickstartJarIT}), with the example extension's bundle
 * that the reactor built from examples/extension-hello: {@code eventflux replay --bundle} prints the page's
 * output, without the bundle the app names the missing extensions, {@code validate} and {@code run} use it (the
 * sink writes its file), and in a server the bundle dropped into {@code deploy/} lists its extensions with
 * their provider and an app dropped next to it runs with them, fed over HTTP.
 */
class ExtensionGuideJarIT {
    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheExtensionGuidePrintsWhatTheGuideShows() throws Exception {
        Path bundle = ExampleExtension.bundle();
        assertThat(bundle).isRegularFile();
        QuickstartJarIT.runPage("docs/extensions.md", dir);
    }
}
