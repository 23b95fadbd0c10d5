package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --bundle} through the runnable jar (the real OSGi runtime), with the example extension's bundle: a
 * folder of bundles works as the jar does, for replay and validate; a missing jar, a jar that is not a bundle,
 * a bundle importing a package that nothing exports (as docs/extensions.md quotes it) and a bundle whose DS
 * component lacks a service (after the bounded wait) stop the command with exit 1 and a message naming the jar
 * and what is wrong, before any app is compiled.
 */
class BundleOptionJarIT {
    private static final String GREETINGS = """
            {"ts":1000,"stream":"Greetings","data":{"greeting":"Hello, Ann!","recent":"Ann"}}
            {"ts":2000,"stream":"Greetings","data":{"greeting":"Hello, Bob!","recent":"Ann, Bob"}}
            {"ts":3000,"stream":"Greetings","data":{"greeting":"Hello, Cid!","recent":"Bob, Cid"}}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheExample() throws IOException {
        Path example = ExampleExtension.bundle().getParent().getParent();
        Files.copy(example.resolve("greeter.sql"), dir.resolve("greeter.sql"));
        Files.copy(example.resolve("people.jsonl"), dir.resolve("people.jsonl"));
        Files.createDirectory(dir.resolve("ext"));
        Files.copy(ExampleExtension.bundle(), dir.resolve("ext/extension-hello-1.0.0.jar"));
    }

    @Test
    void aFolderOfBundlesServesReplayAndValidate() throws Exception {
        Result replay = eventflux("replay", "greeter.sql", "--input", "people.jsonl", "--bundle", "ext");
        assertThat(replay.exit).as(replay.err).isZero();
        assertThat(replay.out).isEqualTo(GREETINGS);
        assertThat(replay.err).isEmpty();

        Result validate = eventflux("validate", "greeter.sql", "--bundle=ext/extension-hello-1.0.0.jar");
        assertThat(validate.exit).as(validate.err).isZero();
        assertThat(validate.out).isEqualTo("stream People (name STRING)\nstream Greetings (greeting STRING, recent STRING)\n");
    }

    @Test
    void aBadBundleStopsTheCommandNamingTheJarAndWhatIsWrong() throws Exception {
        jar(dir.resolve("plain.jar"), null);
        jar(dir.resolve("broken.jar"), "com.acme.util;version=\"[1.0,2)\",io.eventflux.api");

        Result missing = eventflux("replay", "greeter.sql", "--input", "people.jsonl", "--bundle", "nope.jar");
        assertThat(missing.exit).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err).isEqualTo("eventflux: --bundle nope.jar: no such file or folder\n");
        assertThat(missing.out).isEmpty();

        Result plain = eventflux("validate", "greeter.sql", "--bundle", "plain.jar");
        assertThat(plain.exit).isEqualTo(ExitCodes.ERROR);
        assertThat(plain.err).isEqualTo("eventflux: --bundle plain.jar: not an OSGi bundle (its manifest has no"
                + " Bundle-SymbolicName; build it with bnd-maven-plugin, see docs/extensions.md)\n");

        Result broken = eventflux("replay", "greeter.sql", "--input", "people.jsonl", "--bundle", "ext", "--bundle",
                "broken.jar");
        assertThat(broken.exit).isEqualTo(ExitCodes.ERROR);
        assertThat(broken.err).isEqualTo("eventflux: --bundle broken.jar (com.example.broken 1.0.0) does not resolve:"
                + " missing requirement: com.example.broken needs Import-Package com.acme.util;version=\"[1.0.0,2.0.0)\""
                + " (no installed bundle provides it)\n");
        assertThat(broken.out).isEmpty();
    }

    @Test
    void aComponentThatCannotBeSatisfiedIsNamedWithTheServiceItLacks() throws Exception {
        Path file = dir.resolve("needy.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.example.needy");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Service-Component", "OSGI-INF/needy.xml");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("OSGI-INF/needy.xml"));
            jar.write("""
                    <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="com.example.Needy">
                      <implementation class="com.example.Needy"/>
                      <service><provide interface="java.lang.Runnable"/></service>
                      <reference name="acme" interface="com.acme.Missing" cardinality="1..1"/>
                    </scr:component>
                    """.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }

        Result needy = eventflux(List.of("-Deventflux.service.timeout=2"), "validate", "greeter.sql", "--bundle", "ext",
                "--bundle", "needy.jar");
        assertThat(needy.exit).isEqualTo(ExitCodes.ERROR);
        assertThat(needy.err).isEqualTo("eventflux: --bundle needy.jar (com.example.needy 1.0.0): component"
                + " com.example.Needy is not satisfied: no service com.acme.Missing (reference 'acme') (waited 2 s)\n");
        assertThat(needy.out).isEmpty();
    }

    /** A bundle of only a manifest (com.example.broken 1.0.0 importing the packages), or a plain jar for null. */
    private static void jar(Path file, String imports) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (imports != null) {
            main.putValue("Bundle-ManifestVersion", "2");
            main.putValue("Bundle-SymbolicName", "com.example.broken");
            main.putValue("Bundle-Version", "1.0.0");
            main.putValue("Import-Package", imports);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private Result eventflux(String... args) throws Exception {
        return eventflux(List.of(), args);
    }

    private Result eventflux(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar",
                Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
