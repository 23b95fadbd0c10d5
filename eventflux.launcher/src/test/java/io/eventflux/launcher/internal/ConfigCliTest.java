package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.engine.EventFluxRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config}, {@code config list} and {@code config validate} against the real engine and compiler
 * outside OSGi, with real files in a temporary working directory.
 */
class ConfigCliTest {
    private static final String PASSWORD = "hunter2-very-secret";
    private static final String TOKEN = "tok-literal-s3cr3t";
    private static final Map<String, String> ENV = Map.of("GROUP", "g1", "KAFKA_PASSWORD", PASSWORD);

    private static final String APP = """
            CREATE STREAM Orders (id STRING, amount DOUBLE)
              WITH (type = 'source', extension = 'inMemory', format = 'json', 'kafka.topic' = 'orders-sql');
            CREATE STREAM Audit (id STRING) WITH (note = 'plain');
            INSERT INTO Out SELECT id FROM Orders;
            """;

    private static final String TOML = """
            [application]
            "error.strategy" = "retry"

            [application.kafka]
            bootstrap.servers = "${KAFKA_SERVERS:localhost:9092}"

            [streams.Orders]
            kafka.topic = "ignored: SQL wins"
            kafka.group.id = "${GROUP}"
            kafka.sasl.jaas.config = 'PlainLoginModule required username="u" password="${KAFKA_PASSWORD}";'
            http.auth.token = "%s"
            log.prefix = "> "
            """.formatted(TOKEN);

    @TempDir
    Path dir;

    private final EventFluxRuntime engine = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    private int execute(Map<String, String> env, String... args) {
        return execute(new StopSignal(), env, args);
    }

    private int execute(StopSignal stop, Map<String, String> env, String... args) {
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(() -> engine, engine::compile, console, stop, () -> { }, new Workspace(dir, env)).execute(args);
    }

    @Test
    void listShowsEachOptionWithItsOriginAndVariablesAndRedactsSecrets() throws IOException {
        write("conf/eventflux.toml", TOML);

        int exit = execute(ENV, "config", "list", write("app.sql", APP).toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(stdout + err).isZero();
        assertThat(stdout).contains("configuration file conf/eventflux.toml", "stream Orders", "stream Audit")
                .doesNotContain("stream Out");
        assertThat(stdout).containsPattern("KEY +VALUE +FROM +ENVIRONMENT")
                .containsPattern("\\n +type +source +SQL WITH\\n")
                .containsPattern("kafka\\.topic +orders-sql +SQL WITH\\n")
                .containsPattern("kafka\\.group\\.id +g1 +conf/eventflux\\.toml \\[streams\\.Orders] +\\$GROUP\\n")
                .containsPattern("kafka\\.sasl\\.jaas\\.config +\\*{8} +conf/eventflux\\.toml \\[streams\\.Orders] +\\$KAFKA_PASSWORD\\n")
                .containsPattern("http\\.auth\\.token +\\*{8} +conf/eventflux\\.toml \\[streams\\.Orders]\\n")
                .containsPattern("error\\.strategy +retry +conf/eventflux\\.toml \\[application]\\n")
                .containsPattern("kafka\\.bootstrap\\.servers +localhost:9092 +conf/eventflux\\.toml \\[application] +"
                        + "\\$KAFKA_SERVERS \\(not set: default\\)\\n")
                .containsPattern("log\\.prefix +\"> \" +conf/eventflux\\.toml")
                .containsPattern("note +plain +SQL WITH\\n");
        // SQL keys first (type, extension, format, then by name), then the file's in file order
        assertThat(section(stdout, "stream Orders").lines().skip(2).map(l -> l.strip().split(" +")[0])).containsExactly(
                "type", "extension", "format", "kafka.topic", "kafka.group.id", "kafka.sasl.jaas.config",
                "http.auth.token", "log.prefix", "error.strategy", "kafka.bootstrap.servers");
        // Audit has no type: the [application] keys do not apply to it
        assertThat(section(stdout, "stream Audit")).contains("note").doesNotContain("error.strategy");
        assertNoSecretPrinted();
    }

    @Test
    void anExplicitConfigFileWinsOverConfEventfluxToml() throws IOException {
        write("conf/eventflux.toml", TOML);
        Path yaml = write("other.yaml", """
                streams:
                  Audit:
                    owner: "${OWNER:team-a}"
                """);

        int exit = execute(ENV, "config", "list", write("app.sql", APP).toString(), "--config", yaml.toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(stdout).containsPattern("owner +team-a +" + Pattern.quote(yaml + " [streams.Audit]")
                + " +\\$OWNER \\(not set: default\\)");
        assertThat(stdout).doesNotContain("conf/eventflux.toml", "kafka.group.id");
    }

    @Test
    void listReportsOptionsThatCannotBeResolvedAndExitsOne() throws IOException {
        write("conf/eventflux.toml", TOML);

        int exit = execute(Map.of(), "config", "list", write("app.sql", APP).toString());

        assertThat(exit).isEqualTo(ExitCodes.ERROR);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("stream Orders: cannot be resolved",
                "option 'kafka.group.id' (from conf/eventflux.toml [streams.Orders]) uses ${GROUP}, which is not set",
                "option 'kafka.sasl.jaas.config' (from conf/eventflux.toml [streams.Orders]) uses ${KAFKA_PASSWORD}");
        assertThat(stdout).containsPattern("note +plain +SQL WITH");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the options of 1 stream cannot be resolved");
        assertNoSecretPrinted();
    }

    @Test
    void validateSaysOkWhenEveryOptionResolvesAndNamesInstalledExtensions() throws IOException {
        write("conf/eventflux.toml", TOML);

        int exit = execute(ENV, "config", "validate", write("app.sql", APP).toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("configuration ok (2 streams with options;"
                + " configuration file conf/eventflux.toml)");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertNoSecretPrinted();
    }

    @Test
    void validateListsEveryProblemAndExitsOne() throws IOException {
        // values the compiler cannot see: they come from the file
        write("conf/eventflux.toml", TOML + """

                [streams.Ordrs]
                x = 1

                [streams.Sink1]
                error.strategy = "explode"
                error.dlq.stream = "Dlqq"
                backpressure = "wait"
                """);
        Path app = write("app.sql", """
                CREATE STREAM Orders (id STRING) WITH (type = 'source', extension = 'inMemry', format = 'jsn');
                CREATE STREAM Hooks (id STRING) WITH (type = 'sourc', extension = 'timer');
                CREATE STREAM Sink1 (id STRING) WITH (type = 'sink');
                CREATE STREAM Dlq (id STRING);
                CREATE STREAM Loose (id STRING) WITH (extension = 'log');
                """);

        int exit = execute(Map.of("KAFKA_PASSWORD", PASSWORD), "config", "validate", app.toString());

        assertThat(exit).isEqualTo(ExitCodes.ERROR);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains(
                "warning: conf/eventflux.toml: [streams.Ordrs] names no stream of the app (did you mean 'Orders'?)",
                "problems with the configuration (file conf/eventflux.toml):",
                "stream Orders: option 'kafka.group.id' (from conf/eventflux.toml [streams.Orders]) uses ${GROUP}",
                "stream Hooks: type 'sourc' is not a connector type; write 'source' or 'sink'",
                "stream Sink1: a sink needs 'extension' (available sinks: file, http, inMemory, kafka, log, ",
                "stream Sink1: error.strategy must be one of [dlq, drop, fail, retry], was 'explode'",
                "stream Sink1: backpressure must be one of [block, drop], was 'wait'",
                "stream Sink1: error.dlq.stream names 'Dlqq', which is not a stream of the app (did you mean 'Dlq'?)",
                "stream Loose: 'extension' is set but 'type' is not");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("ok");
        assertNoSecretPrinted();

        // the unresolved stream's other problems show once its variables are set
        err.reset();
        assertThat(execute(ENV, "config", "validate", app.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "stream Orders: source extension 'inMemry' is not available; available sources: file, http, inMemory, kafka, ",
                "(did you mean 'inMemory'?)",
                "stream Orders: format 'jsn' is not available; available formats: bytes, csv, json, text (did you mean 'json'?)");
        assertNoSecretPrinted();
    }

    @Test
    void validateChecksTheOptionsToo() throws IOException {
        write("conf/eventflux.toml", TOML);

        int exit = execute(Map.of(), "validate", write("app.sql", APP).toString());

        assertThat(exit).isEqualTo(ExitCodes.ERROR);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stream Orders (id STRING, amount DOUBLE)");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the streams' options have",
                "uses ${GROUP}, which is not set");
    }

    @Test
    void aBadConfigFileStopsEveryCommandNamingFileLineAndColumn() throws IOException {
        write("conf/eventflux.toml", "[application]\nkafka.acks = = 1\n");
        Path app = write("app.sql", "CREATE STREAM S (a INT);\n");
        Path input = write("in.jsonl", "");

        assertThat(execute(ENV, "run", app.toString(), "--input", input.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(execute(ENV, "replay", app.toString(), "--input", input.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(execute(ENV, "validate", app.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(execute(ENV, "config", "list", app.toString())).isEqualTo(ExitCodes.ERROR);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("eventflux: conf/eventflux.toml:2:")))
                .hasSize(4);
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void runAndReplayReadTheDefaultFileAndPrintItsWarnings() throws IOException {
        write("conf/eventflux.yaml", "application:\n  a: 1\nservr:\n  port: 1\n");
        Path app = write("app.sql", "CREATE STREAM S (a INT);\nINSERT INTO Out SELECT a FROM S;\n");
        Path input = write("in.jsonl", "{\"ts\": 1, \"stream\": \"S\", \"data\": [7]}\n");

        assertThat(execute(ENV, "replay", app.toString(), "--input", input.toString())).isZero();
        assertThat(execute(ENV, "run", app.toString(), "--input", input.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("{\"ts\":1,\"stream\":\"Out\",\"data\":{\"a\":7}}");
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.equals(
                "eventflux: warning: conf/eventflux.yaml: unknown top-level key 'servr' is ignored (did you mean 'server'?)")))
                .hasSize(2);
    }

    @Test
    void runDeploysTheAppWithTheFilesOptionsAndTheEnvironment() throws Exception {
        // the SQL names no extension: the timer source and its interval come from the file and the environment
        write("conf/eventflux.toml", """
                [streams.Ticks]
                extension = "timer"
                timer.interval = "${TICK_INTERVAL:1 s}"
                """);
        Path app = write("app.sql", """
                CREATE STREAM Ticks (t LONG) WITH (type = 'source');
                INSERT INTO Out SELECT t FROM Ticks;
                """);
        StopSignal stop = new StopSignal();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread runner = new Thread(() -> exit.set(execute(stop, Map.of("TICK_INTERVAL", "20 ms"), "run", app.toString())),
                "run-under-test");
        runner.start();
        try {
            assertThat(await(() -> ticks().size() >= 5, 30_000)).as("five ticks printed; stderr: %s", err).isTrue();
        } finally {
            stop.request();
            runner.join(30_000);
        }

        assertThat(runner.isAlive()).isFalse();
        assertThat(exit).hasValue(0);
        List<Long> ticks = ticks();
        // 20 ms apart, not the default 1 s: four intervals take far less than the 4 s they would otherwise
        assertThat(ticks.get(4) - ticks.get(0)).isLessThan(3_000);
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void runWithoutTheFilesOptionsCannotDeployAndSaysWhy() throws IOException {
        Path app = write("app.sql", """
                CREATE STREAM Ticks (t LONG) WITH (type = 'source', extension = 'timer', 'timer.interval' = '${TICK_INTERVAL}');
                INSERT INTO Out SELECT t FROM Ticks;
                """);

        assertThat(execute(Map.of(), "run", app.toString())).isEqualTo(ExitCodes.ERROR);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eventflux: cannot deploy the app:",
                "stream Ticks: option 'timer.interval' (from SQL WITH) uses ${TICK_INTERVAL}, which is not set");
        assertThat(engine.apps()).isEmpty();
    }

    /** The t of every Out line printed so far. */
    private List<Long> ticks() {
        Matcher m = Pattern.compile("\"stream\":\"Out\",\"data\":\\{\"t\":(\\d+)}").matcher(out.toString(StandardCharsets.UTF_8));
        List<Long> ticks = new ArrayList<>();
        while (m.find()) {
            ticks.add(Long.parseLong(m.group(1)));
        }
        return ticks;
    }

    private static boolean await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }

    @Test
    void aMissingConfigFileIsAnError() throws IOException {
        int exit = execute(ENV, "config", "validate", write("app.sql", APP).toString(), "--config", "nope.toml");

        assertThat(exit).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eventflux: config file nope.toml does not exist");
    }

    @Test
    void configUsageAndCompileErrors() throws IOException {
        assertThat(execute(ENV, "config")).isEqualTo(ExitCodes.ERROR);
        assertThat(execute(ENV, "config", "show", "app.sql")).isEqualTo(ExitCodes.ERROR);
        assertThat(execute(ENV, "config", "list")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("config needs a subcommand: list or validate",
                "unknown config subcommand 'show'", "config needs an app file", "Usage: eventflux config list");

        assertThat(execute(ENV, "config", "list", write("bad.sql", "CREATE STREAM S (a INTT);").toString()))
                .isEqualTo(ExitCodes.COMPILE_ERROR);

        out.reset();
        assertThat(execute(ENV, "help", "config")).isZero();
        assertThat(execute(ENV, "config", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: eventflux config list", "[streams.Name]");
    }

    private void assertNoSecretPrinted() {
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD, TOKEN);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD, TOKEN);
    }

    /** The lines of one "stream X" block of the listing. */
    private static String section(String listing, String header) {
        int start = listing.indexOf(header);
        int end = listing.indexOf("\nstream ", start + 1);
        return end < 0 ? listing.substring(start) : listing.substring(start, end);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
