package io.eventflux.launcher.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.connect.ConnectContent;

class ClassPathConnectorTest {
    @TempDir
    Path dir;

    @Test
    void bundleJarsOnTheClassPathAreConnectedWithTheGivenLoaderAndTheirEntries() throws Exception {
        Path launcher = bundle("eventflux.jar", null);
        Path core = bundle("core.jar", null);
        Path other = bundle("other.jar", null);
        String classPath = String.join(File.pathSeparator, launcher.toString(), core.toString(),
                dir.resolve("classes").toString(), dir.resolve("missing.jar").toString());
        ClassLoader loader = new ClassLoader() {
        };
        ClassPathConnector connector = new ClassPathConnector(ClassPathConnector.jarsOf(classPath, launcher), loader);

        assertThat(connector.size()).as("the launcher's jar, class folders and missing jars are left out").isEqualTo(1);
        String location = connector.location(core);
        assertThat(location).isEqualTo(core.toRealPath().toUri().toString());
        assertThat(connector.location(other)).as("not on the class path: installed by reference")
                .isEqualTo("reference:" + other.toUri());
        assertThat(connector.connect("reference:" + core.toUri())).isEmpty();
        assertThat(connector.connect(other.toUri().toString())).isEmpty();

        ConnectContent content = connector.connect(location).orElseThrow().getContent();
        content.open();
        try {
            assertThat(content.getClassLoader()).contains(loader);
            assertThat(content.getHeaders()).as("read by the framework from the manifest entry").isEmpty();
            assertThat(content.getEntries()).contains("META-INF/MANIFEST.MF", "OSGI-INF/core.xml");
            ConnectContent.ConnectEntry entry = content.getEntry("OSGI-INF/core.xml").orElseThrow();
            try (InputStream in = entry.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<core.jar/>");
            }
            assertThat(entry.getContentLength()).isEqualTo("<core.jar/>".length());
            assertThat(content.getEntry("nothing/here")).isEmpty();
        } finally {
            content.close();
        }
    }

    @Test
    void theCoreListHoldsTheBundlesInstalledAtBootAndTheDynamicallyImportedOnesButNoFragment() throws Exception {
        Path engine = bundle("engine.jar", null);
        Path extension = bundle("extension.jar", null);
        Path fragment = bundle("spifly.jar", "system.bundle;extension:=framework");
        Path cron = bundle("cron.jar", null);
        Path jetty = bundle("jetty.jar", null);
        Map<String, Path> files = Map.of("jar/engine.jar", engine, "jar/extension.jar", extension,
                "jar/spifly.jar", fragment, "jar/cron.jar", cron, "jar/jetty.jar", jetty);

        List<Path> jars = CoreClassPath.jars(
                List.of("jar/spifly.jar", "jar/engine.jar", "jar/extension.jar", "jar/cron.jar", "jar/jetty.jar"), files,
                Set.of("jar/extension.jar", "jar/cron.jar", "jar/jetty.jar"), Set.of("jar/cron.jar"));

        assertThat(jars).containsExactly(engine.toAbsolutePath().normalize(), cron.toAbsolutePath().normalize());
        Path list = dir.resolve("lists/eventflux-key.core");
        CoreClassPath.write(list, jars);
        assertThat(Files.readAllLines(list)).containsExactly(engine.toAbsolutePath().normalize().toString(),
                cron.toAbsolutePath().normalize().toString());
    }

    /** A jar with a manifest (a fragment of {@code host} when given) and one entry naming it. */
    private Path bundle(String name, String host) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", name);
        if (host != null) {
            manifest.getMainAttributes().putValue("Fragment-Host", host);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new ZipEntry("OSGI-INF/core.xml"));
            j.write(("<" + name + "/>").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }
}
