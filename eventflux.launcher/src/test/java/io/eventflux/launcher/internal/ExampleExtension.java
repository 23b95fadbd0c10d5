package io.eventflux.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds examples/extension-hello, the third-party extension example, with Maven as a user would
 * ({@code mvn -f examples/extension-hello/pom.xml package}), against the local repository of this build.
 * The example depends on the eventflux.api of this reactor, which {@code mvn verify} does not install:
 * the reactor's jar and poms are put into the local repository first, as {@code mvn install} would.
 * Skips when no Maven is found, except under CI=true, where that fails.
 */
final class ExampleExtension {
    private ExampleExtension() {
    }

    static Path build() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize();
        Path project = root.resolve("examples/extension-hello");
        Path mvn = maven();
        if (mvn == null) {
            String message = "no Maven found (maven.home or mvn on the PATH): cannot build examples/extension-hello";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        String repo = System.getProperty("maven.repo.local");
        installApi(root, repo);
        Path log = Files.createTempFile("extension-hello-build", ".log");
        ProcessBuilder pb = new ProcessBuilder(mvn.toString(), "-B", "-q", "-f", project.resolve("pom.xml").toString(),
                "package").redirectErrorStream(true).redirectOutput(log.toFile());
        if (repo != null) {
            pb.command().add("-Dmaven.repo.local=" + repo);
        }
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("building examples/extension-hello took over 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("mvn package of examples/extension-hello failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return project.resolve("target/extension-hello-1.0.0.jar");
    }

    private static Path maven() {
        String home = System.getProperty("maven.home");
        if (home != null) {
            Path mvn = Path.of(home, "bin", "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path mvn = Path.of(dir, "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn;
            }
        }
        return null;
    }

    /** Puts the reactor's eventflux.api (jar and pom) and the parent pom into the local repository. */
    private static void installApi(Path root, String repo) throws IOException {
        Path local = Path.of(repo != null ? repo : System.getProperty("user.home") + "/.m2/repository");
        String version = System.getProperty("eventflux.version", "0.1.0-SNAPSHOT");
        Path apiJar = root.resolve("eventflux.api/target/eventflux.api-" + version + ".jar");
        if (!Files.isRegularFile(apiJar)) {
            throw new AssertionError(apiJar + " is missing: build eventflux.api first");
        }
        Path api = Files.createDirectories(local.resolve("io/eventflux/eventflux.api/" + version));
        Files.copy(apiJar, api.resolve("eventflux.api-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(root.resolve("eventflux.api/pom.xml"), api.resolve("eventflux.api-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        Path parent = Files.createDirectories(local.resolve("io/eventflux/eventflux.parent/" + version));
        Files.copy(root.resolve("pom.xml"), parent.resolve("eventflux.parent-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
