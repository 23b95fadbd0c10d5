package io.eventflux.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image tarball built by {@code mvn package} in this module (Jib, OCI, from scratch): its config
 * runs {@code eventflux server} as a non-root user with the management port exposed and deploy/ and conf/
 * as volumes, and its layer holds the Java runtime, the C library it needs and the distribution. With a
 * Docker daemon on the machine, the image is also loaded and run and must answer /health; without one
 * that test is skipped (it is not part of what CI requires).
 */
class ImageTarIT {
    private static final Path TAR = Path.of(System.getProperty("eventflux.image.tar", "target/eventflux-image.tar"));

    @TempDir
    Path dir;

    @Test
    void configRunsTheServerAsANonRootUserWithPortAndVolumes() throws IOException {
        assertThat(TAR).as("built by mvn package (profile image)").isRegularFile();
        JsonNode config = OciTar.read(TAR).config();
        JsonNode c = config.path("config");

        assertThat(config.path("os").asText()).isEqualTo("linux");
        assertThat(texts(c.path("Entrypoint"))).startsWith("/opt/java/bin/java")
                .containsSubsequence("-jar", "/opt/eventflux/lib/eventflux.jar", "server", "--home", "/opt/eventflux")
                .containsSubsequence("--host", "0.0.0.0").containsSubsequence("--port", "9090");
        assertThat(c.path("ExposedPorts").has("9090/tcp")).as("exposed ports %s", c.path("ExposedPorts")).isTrue();
        String user = c.path("User").asText();
        assertThat(user).as("user").isNotEmpty().isNotEqualTo("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(fieldNames(c.path("Volumes"))).contains("/opt/eventflux/deploy", "/opt/eventflux/conf");
        assertThat(c.path("WorkingDir").asText()).isEqualTo("/opt/eventflux");
    }

    @Test
    void theLayerHoldsARuntimeItsLibrariesAndTheDistribution() throws IOException {
        Map<String, Integer> files = OciTar.read(TAR).layerFiles();

        assertThat(files).containsKeys("opt/java/bin/java", "opt/java/lib/server/libjvm.so", "opt/java/release",
                "opt/eventflux/lib/eventflux.jar", "opt/eventflux/conf/eventflux.toml", "etc/passwd",
                "lib64/ld-linux-x86-64.so.2");
        assertThat(files.keySet()).as("the C library").anyMatch(f -> f.endsWith("/libc.so.6"));
        assertThat(files.get("opt/java/bin/java") & 0111).as("java is executable").isEqualTo(0111);
        // the module has no classes or dependencies: under /app only the two argument files Jib always writes
        assertThat(files.keySet().stream().filter(f -> f.startsWith("app/")))
                .as("no application layer").isSubsetOf("app/", "app/jib-classpath-file", "app/jib-main-class-file");
    }

    @Test
    void withDockerTheImageRunsAndAnswersHealth() throws Exception {
        Assumptions.assumeTrue(run(dir.resolve("version.log"), 30, "docker", "version") == 0,
                "no Docker daemon on this machine (docker version failed): the image is not run");
        assertThat(run(dir.resolve("load.log"), 120, "docker", "load", "-i", TAR.toString())).as(log("load.log")).isZero();
        String name = "eventflux-image-it-" + ProcessHandle.current().pid();
        assertThat(run(dir.resolve("run.log"), 60, "docker", "run", "-d", "--rm", "--name", name, "-p", "127.0.0.1::9090",
                "eventflux:" + System.getProperty("eventflux.version", "0.1.0-SNAPSHOT"))).as(log("run.log")).isZero();
        try {
            assertThat(run(dir.resolve("port.log"), 30, "docker", "port", name, "9090/tcp")).isZero();
            String mapped = Files.readString(dir.resolve("port.log")).lines().findFirst().orElseThrow().trim();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String last = "no answer";
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + mapped + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                    last = r.statusCode() + " " + r.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
            run(dir.resolve("logs.log"), 30, "docker", "logs", name);
            throw new AssertionError("/health did not answer 200 within 60 s: " + last + "\n" + log("logs.log"));
        } finally {
            run(dir.resolve("stop.log"), 60, "docker", "rm", "-f", name);
        }
    }

    private String log(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int run(Path log, int seconds, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return -1; // not installed
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
