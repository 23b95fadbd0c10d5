package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --bundle accepts before anything is installed: jars with a Bundle-SymbolicName, folders of them. */
class BundleJarsTest {
    @TempDir
    Path dir;

    @Test
    void aJarAndAFolderOfJarsInOrder() throws Exception {
        jar(dir.resolve("one.jar"), "com.example.one;singleton:=true", "1.2.0");
        Files.createDirectory(dir.resolve("ext"));
        jar(dir.resolve("ext/b.jar"), "com.example.b", "1.0.0");
        jar(dir.resolve("ext/a.jar"), "com.example.a", null);
        Files.writeString(dir.resolve("ext/README.txt"), "not a jar: ignored");

        List<BundleJars.Jar> jars = BundleJars.expand(dir, List.of("one.jar", "ext"));

        assertThat(jars).extracting(BundleJars.Jar::describe).containsExactly("one.jar (com.example.one 1.2.0)",
                "ext/a.jar (com.example.a 0.0.0)", "ext/b.jar (com.example.b 1.0.0)");
        assertThat(jars.get(0).path()).isEqualTo(dir.resolve("one.jar"));
    }

    @Test
    void missingNotAJarNotABundleAnEmptyFolderAndTwiceTheSameAreErrorsNamingThePath() throws Exception {
        Files.writeString(dir.resolve("app.sql"), "CREATE STREAM S (x INT);");
        jar(dir.resolve("plain.jar"), null, null);
        jar(dir.resolve("one.jar"), "com.example.one", "1.0.0");
        Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> BundleJars.expand(dir, List.of("nope.jar"))).isInstanceOf(CommandFailure.class)
                .hasMessage("--bundle nope.jar: no such file or folder");
        assertThatThrownBy(() -> BundleJars.expand(dir, List.of("app.sql"))).isInstanceOf(CommandFailure.class)
                .hasMessageStartingWith("--bundle app.sql: not a jar file (");
        assertThatThrownBy(() -> BundleJars.expand(dir, List.of("plain.jar"))).isInstanceOf(CommandFailure.class)
                .hasMessage("--bundle plain.jar: not an OSGi bundle (its manifest has no Bundle-SymbolicName; build it"
                        + " with bnd-maven-plugin, see docs/extensions.md)");
        assertThatThrownBy(() -> BundleJars.expand(dir, List.of("empty"))).isInstanceOf(CommandFailure.class)
                .hasMessage("--bundle empty: the folder has no .jar file");
        assertThatThrownBy(() -> BundleJars.expand(dir, List.of("one.jar", "one.jar"))).isInstanceOf(CommandFailure.class)
                .hasMessage("--bundle one.jar (com.example.one 1.0.0): the same bundle as one.jar (given twice?)");
    }

    /** A jar with only a manifest: a bundle when symbolicName is not null. */
    private static void jar(Path file, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        if (version != null) {
            manifest.getMainAttributes().putValue("Bundle-Version", version);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }
}
