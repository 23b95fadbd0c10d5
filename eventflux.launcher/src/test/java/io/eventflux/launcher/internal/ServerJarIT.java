package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux server} as users run it: the distribution (eventflux-VERSION.tar.gz) extracted, and
 * {@code bin/eventflux server} as a child process serving that folder. An app dropped into deploy/ before the start runs (a timer source) and is seen over HTTP
 * (status, metrics); a broken redeploy keeps the previous version running and reports the compile
 * error with its line and column; the example third-party extension (examples/extension-hello, built
 * by the reactor) dropped into deploy/ is installed and usable from an app dropped next to it; removing
 * a file undeploys its app; SIGTERM stops the server.
 */
class ServerJarIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    /** The distribution folder, extracted from eventflux-VERSION.tar.gz. */
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Process server;
    private String base;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void hotDeployRestMetricsAndTheExampleExtension() throws Exception {
        Assumptions.assumeTrue(engineProvidesManagement(), "the engine in eventflux.jar does not register"
                + " io.eventflux.api.management.EventFluxManagement yet (the lifecycle work): server mode needs it");
        home = extractDistribution();
        assertThat(home.resolve("bin/eventflux")).isExecutable();
        assertThat(home.resolve("lib/eventflux.jar")).isRegularFile();
        for (String folder : List.of("bundles", "deploy", "conf", "state", "logs")) {
            assertThat(home.resolve(folder)).isDirectory();
        }
        Path deploy = home.resolve("deploy");
        // the apps of the deploy folder get the configuration file's stream options: Ticks names no extension
        Files.writeString(home.resolve("conf/eventflux.toml"), """

                [streams.Tick]
                extension = "timer"
                "timer.interval" = "50 ms"
                """, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(deploy.resolve("ticks.sql"), ticks("n"));
        start();

        // the app dropped before the start runs, as status and metrics show
        JsonNode health = getJson("/health", 200);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        long first = await("Out events of Ticks", () -> outEvents("Ticks"), n -> n > 0);
        assertThat(getJson("/ready", 200).get("status").asText()).isEqualTo("READY");
        // every extension is listed with its parameters: those of bundles installed on demand that no app used yet
        // (stand-ins), and once, not twice, those whose bundle an app made the launcher install (timer)
        String sources = get("/api/extensions/source", 200).body();
        assertThat(sources).contains("\"kafka\"").contains("kafka.topic").contains("eventflux.connector.kafka");
        assertThat(sources.split("\"name\":\"timer\"", -1)).as("source:timer listed once").hasSize(2);
        assertThat(get("/api/extensions/window", 200).body()).contains("\"cron\"").contains("eventflux.window.cron");
        assertThat(getJson("/api/apps/Ticks", 200).at("/streams/0/connector").asText())
                .as("the extension from conf/eventflux.toml").isEqualTo("source:timer");
        String metrics = get("/metrics", 200).body();
        assertThat(metrics).contains("# TYPE eventflux_stream_events_total counter")
                .contains("eventflux_app_state{app=\"Ticks\",state=\"RUNNING\"} 1.0")
                .contains("eventflux_app_ring_capacity{app=\"Ticks\"} 4096.0")
                .containsPattern("eventflux_stream_events_total\\{app=\"Ticks\",direction=\"out\",stream=\"Out\"} [1-9]");

        // a broken update: the previous version keeps running, the error names line and column
        drop(deploy.resolve("ticks.sql"), ticks("nn"));
        String problem = await("the compile error of ticks.sql",
                () -> getJson("/api/apps/Ticks", 200).get("deployProblem").asText(null), p -> p != null);
        assertThat(problem).contains("deploy/ticks.sql does not compile").contains("line 3, column")
                .contains("unknown attribute 'nn'");
        JsonNode status = getJson("/api/apps/Ticks", 200);
        assertThat(status.at("/summary/state").asText()).isEqualTo("RUNNING");
        long later = outEvents("Ticks");
        await("Ticks still emitting", () -> outEvents("Ticks"), n -> n > later);
        JsonNode ready = getJson("/ready", 200);
        assertThat(ready.get("warnings").toString()).contains("ticks.sql");
        assertThat(log()).contains("deploy/ticks.sql does not compile").contains("line 3, column");
        assertThat(Files.readString(home.resolve("logs/eventflux.log"))).as("the server's log file")
                .contains("SEVERE deploy/ticks.sql does not compile").contains("line 3, column")
                .contains("INFO deploy/ticks.sql: app 'Ticks' deployed (RUNNING)");
        assertThat(first).isPositive();

        // a fixed update is redeployed
        drop(deploy.resolve("ticks.sql"), ticks("n AS m"));
        await("the fixed Ticks", () -> getJson("/api/apps/Ticks", 200).get("deployProblem").isNull(), ok -> ok);

        // the example extension, built from its own Maven project, dropped into deploy/ and used from SQL
        Path bundle = ExampleExtension.bundle();
        Files.copy(bundle, deploy.resolve("extension-hello.jar"), StandardCopyOption.REPLACE_EXISTING);
        await("the hello function", () -> get("/api/extensions/function", 200).body(), b -> b.contains("\"hello\""));
        drop(deploy.resolve("greeter.sql"), """
                @app:name('Greeter');
                CREATE STREAM People (name STRING);
                CREATE TABLE Greetings (name STRING, greeting STRING);
                CREATE TABLE Sizes (c LONG);
                INSERT INTO Greetings SELECT name, hello:greet(name) AS greeting FROM People;
                INSERT INTO Sizes SELECT count() AS c FROM People WINDOW('helloLast', 2);
                """);
        await("Greeter running", () -> state("Greeter"), s -> s.equals("RUNNING"));
        JsonNode sent = postJson("/api/apps/Greeter/streams/People", "[{\"name\":\"Ann\"},{\"name\":\"Bob\"},{\"name\":\"Cy\"}]", 200);
        assertThat(sent.get("sent").asInt()).isEqualTo(3);
        JsonNode greetings = await("three greetings",
                () -> postJson("/api/apps/Greeter/query", "SELECT name, greeting FROM Greetings", 200).get("rows"),
                rows -> rows.size() == 3);
        List<String> texts = new ArrayList<>();
        greetings.forEach(row -> texts.add(row.get("greeting").asText()));
        assertThat(texts).containsExactlyInAnyOrder("Hello, Ann!", "Hello, Bob!", "Hello, Cy!");
        // the window keeps the last 2 events: counts 1, 2, 2 (3 without it)
        JsonNode sizes = await("three sizes", () -> postJson("/api/apps/Greeter/query", "SELECT c FROM Sizes", 200)
                .get("rows"), rows -> rows.size() == 3);
        List<Long> counts = new ArrayList<>();
        sizes.forEach(row -> counts.add(row.get("c").asLong()));
        assertThat(counts).containsExactlyInAnyOrder(1L, 2L, 2L);

        // removing a file undeploys its app
        Files.delete(deploy.resolve("ticks.sql"));
        await("Ticks undeployed", () -> get("/api/apps/Ticks", null).statusCode(), code -> code == 404);
        assertThat(getJson("/api/apps", 200).get("apps").toString()).contains("Greeter").doesNotContain("Ticks");

        // SIGTERM: a graceful stop
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stopped on SIGTERM").isTrue();
    }

    /**
     * SIGTERM as soon as the server is ready, while the deploy folder's app is still being deployed: its window and
     * function bundles are installed on demand, and an install the framework refuses because it is stopping must
     * not hold the deploy thread (FileInstall's stop waits for it) until the install timeout. Found by hand: the
     * server kept running for 30 s.
     */
    @Test
    void sigtermWhileAnAppIsDeployingStopsPromptly() throws Exception {
        Assumptions.assumeTrue(engineProvidesManagement(), "the engine in eventflux.jar does not register"
                + " io.eventflux.api.management.EventFluxManagement yet");
        home = extractDistribution();
        Files.writeString(home.resolve("deploy/busy.sql"), "CREATE STREAM S (symbol STRING, price DOUBLE);\n"
                + "INSERT INTO Out SELECT upper(symbol) AS s, avg(price) AS a FROM S WINDOW('lengthBatch', 5);\n");
        for (int attempt = 0; attempt < 3; attempt++) {
            start();
            server.destroy();
            assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("attempt %d: stopped on SIGTERM within 15 s%n%s",
                    attempt, log()).isTrue();
        }
    }

    /** Writes a file into deploy/ at once (moved in), as deploy tools should: FileInstall never sees it half written. */
    private void drop(Path target, String content) throws IOException {
        Path tmp = Files.writeString(dir.resolve("next.tmp"), content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String ticks(String selected) {
        return "@app:name('Ticks');\n"
                + "CREATE STREAM Tick (n LONG) WITH (type = 'source');\n"
                + "INSERT INTO Out SELECT " + selected + " FROM Tick;\n";
    }

    private Path extractDistribution() throws Exception {
        Path tar = Path.of(System.getProperty("eventflux.distribution", "target/eventflux-0.1.0-SNAPSHOT.tar.gz"));
        assertThat(tar).as("the distribution (mvn package)").isRegularFile();
        Process p = new ProcessBuilder("tar", "xzf", tar.toString(), "-C", dir.toString()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("tar xzf " + tar).isTrue();
        try (var entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** bin/eventflux server (its home is the distribution folder; conf/eventflux.toml sets port 9090, --port 0 wins). */
    private void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/eventflux").toString(), "server", "--port", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        server = pb.start();
        String ready = await("the server ready line", () -> {
            assertThat(server.isAlive()).as(this::log).isTrue();
            return log().contains("server ready") ? log() : null;
        }, l -> l != null);
        Matcher m = Pattern.compile("server ready in (\\d+) ms").matcher(ready);
        if (m.find()) {
            System.out.println("ServerJarIT: eventflux server ready in " + m.group(1) + " ms");
        }
        base = "http://127.0.0.1:" + Files.readString(home.resolve("state/http.port")).trim();
    }

    private long outEvents(String app) throws Exception {
        for (JsonNode stream : getJson("/api/apps/" + app, 200).get("streams")) {
            if (stream.get("name").asText().equals("Out")) {
                return stream.get("events").asLong();
            }
        }
        return 0;
    }

    private String state(String app) throws Exception {
        HttpResponse<String> r = get("/api/apps/" + app, null);
        return r.statusCode() == 200 ? json.readTree(r.body()).at("/summary/state").asText() : "absent";
    }

    private JsonNode getJson(String path, int expected) throws Exception {
        return json.readTree(get(path, expected).body());
    }

    private HttpResponse<String> get(String path, Integer expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (expected != null) {
            assertThat(r.statusCode()).as(path + ": " + r.body() + "\n" + log()).isEqualTo(expected);
        }
        return r;
    }

    private JsonNode postJson(String path, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body() + "\n" + log()).isEqualTo(expected);
        return json.readTree(r.body());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("server.out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until the value passes the test, at most {@link #WAIT}. */
    private <T> T await(String what, Probe<T> probe, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = null;
        while (System.nanoTime() < deadline) {
            value = probe.get();
            if (done.test(value)) {
                return value;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        Supplier<String> log = this::log;
        throw new AssertionError("timed out waiting for " + what + " (last: " + value + ")\n" + log.get());
    }

    /** Whether the engine bundle in the runnable jar registers the management service. */
    private static boolean engineProvidesManagement() throws IOException {
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        try (JarInputStream outer = new JarInputStream(Files.newInputStream(Path.of(jar)))) {
            for (JarEntry e = outer.getNextJarEntry(); e != null; e = outer.getNextJarEntry()) {
                if (e.getName().startsWith("jar/eventflux.engine")) {
                    return engineManifestMentions(outer, "io.eventflux.api.management.EventFluxManagement");
                }
            }
        }
        return false;
    }

    private static boolean engineManifestMentions(InputStream engineJar, String service) throws IOException {
        JarInputStream engine = new JarInputStream(engineJar);
        String provided = engine.getManifest().getMainAttributes().getValue("Provide-Capability");
        return provided != null && provided.contains(service);
    }
}
