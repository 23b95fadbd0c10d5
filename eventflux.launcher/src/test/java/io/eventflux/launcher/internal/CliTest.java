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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against the real engine outside OSGi: the extensions (windows, aggregators) come from
 * the bundles' META-INF/services on the test class path.
 */
class CliTest {
    private static final String APP = """
            CREATE STREAM S (symbol STRING, price DOUBLE);
            INSERT INTO Out SELECT symbol, price * 2 AS doubled FROM S WHERE price > 50;
            """;

    /**
     * Out shows each event's ts; Totals flushes a tumbling second on the clock (first batch from the first
     * event's time); Last holds every third event and flushes the held one when the app shuts down.
     */
    private static final String TIMED_APP = APP + """
            INSERT INTO Totals SELECT count() AS n, sum(price) AS total FROM S WINDOW('tumbling', 1 SECOND);
            INSERT INTO Last SELECT symbol FROM S OUTPUT LAST EVERY 3 EVENTS;
            """;

    @TempDir
    Path dir;

    private final EventFluxRuntime engine = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger hotDeploys = new AtomicInteger();
    private Cli cli;

    @BeforeEach
    void createCli() {
        cli = cli(() -> engine, "");
    }

    private Cli cli(EventFluxSource source, String stdin) {
        Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(source, engine::compile, console, new StopSignal(), hotDeploys::incrementAndGet,
                new Workspace(dir, Map.of()));
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void replayWritesEmittedEventsInEventTimeAndShutsDownGracefully() throws IOException {
        Path app = file("app.sql", TIMED_APP);
        Path input = file("in.jsonl", """
                {"ts": 1000, "stream": "S", "data": {"symbol": "IBM", "price": 75.5}}
                // skipped
                {"ts": 1001, "stream": "S", "data": {"symbol": "MSFT", "price": 20}}
                {"ts": 1002, "stream": "S", "batch": [["GOOG", 51], {"symbol": "X"}]}
                {"ts": 1002}
                {"ts": 2000}
                {"ts": 2500, "stream": "S", "data": {"symbol": "Z", "price": 60}}
                """);
        Path output = dir.resolve("out.jsonl");

        int exit = cli.execute("replay", app.toString(), "--input", input.toString(), "--output", output.toString());

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        // the clock-only line at 2000 fires the tumbling flush (playback clock, advanced before each line);
        // the input ends with Z held by OUTPUT LAST EVERY 3 EVENTS: the graceful shutdown flushes it
        assertThat(Files.readString(output)).isEqualTo("""
                {"ts":1000,"stream":"Out","data":{"symbol":"IBM","doubled":151.0}}
                {"ts":1002,"stream":"Out","data":{"symbol":"GOOG","doubled":102.0}}
                {"ts":1002,"stream":"Last","data":{"symbol":"GOOG"}}
                {"ts":2000,"stream":"Totals","data":{"n":4,"total":146.5}}
                {"ts":2500,"stream":"Out","data":{"symbol":"Z","doubled":120.0}}
                {"ts":2500,"stream":"Last","data":{"symbol":"Z"}}
                """);
        assertThat(engine.apps()).isEmpty();
        assertThat(hotDeploys).hasValue(0);
    }

    @Test
    void replayFiresTimersDueAtOrBeforeALineBeforeApplyingIt() throws IOException {
        Path input = file("in.jsonl", """
                {"ts": 1000, "stream": "S", "data": ["A", 10]}
                {"ts": 1500, "stream": "S", "data": ["B", 20]}
                {"ts": 3200, "stream": "S", "data": ["C", 30]}
                {"ts": 4000}
                """);

        int exit = cli.execute("replay", file("app.sql", TIMED_APP).toString(), "--input", input.toString());

        assertThat(exit).isZero();
        // the line at 3200 first flushes the batches ending at 2000 and at 3000 (empty: nothing emitted)
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"ts":2000,"stream":"Totals","data":{"n":2,"total":30.0}}
                {"ts":3200,"stream":"Last","data":{"symbol":"C"}}
                {"ts":4000,"stream":"Totals","data":{"n":1,"total":30.0}}
                """);
    }

    @Test
    void replayWithoutOutputWritesToStandardOutput() throws IOException {
        int exit = cli.execute("replay", file("app.sql", APP).toString(), "--input",
                file("in.jsonl", "{\"ts\": 5, \"stream\": \"S\", \"data\": [\"A\", 60]}\n").toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"ts":5,"stream":"Out","data":{"symbol":"A","doubled":120.0}}
                """);
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void replayBypassesConnectorsFeedingSourcesFromTheFileAndRecordingSinks() throws Exception {
        // a listener on the sink's topic, and a publisher on the source's, in the same runtime (the inMemory
        // broker is shared by its apps): replay must neither publish nor consume
        var listener = engine.deploy("""
                @app:name('Listener')
                CREATE STREAM Heard (symbol STRING, doubled DOUBLE)
                  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'alerts');
                INSERT INTO HeardOut SELECT * FROM Heard;
                """, io.eventflux.api.DeployOptions.defaults());
        java.util.List<Object> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        listener.addCallback("HeardOut", events -> events.forEach(e -> heard.add(e.data()[0])));
        Path app = file("app.sql", """
                CREATE STREAM S (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'prices');
                CREATE STREAM Alerts (symbol STRING, doubled DOUBLE)
                  WITH (type = 'sink', extension = 'inMemory', inMemory.topic = 'alerts');
                INSERT INTO Alerts SELECT symbol, price * 2 AS doubled FROM S WHERE price > 50;
                """);

        int exit = cli.execute("replay", app.toString(), "--input",
                file("in.jsonl", "{\"ts\": 5, \"stream\": \"S\", \"data\": [\"A\", 60]}\n").toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"ts":5,"stream":"Alerts","data":{"symbol":"A","doubled":120.0}}
                """);
        assertThat(heard).as("the sink published nothing on its topic").isEmpty();
        // with connectors, the same app deployed by `run` would publish: the listener hears it
        assertThat(cli.execute("run", app.toString(), "--input",
                file("in2.jsonl", "{\"ts\": 5, \"stream\": \"S\", \"data\": [\"B\", 70]}\n").toString())).isZero();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (heard.isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        // the topic keeps its order: had replay published A, it would be heard before B
        assertThat(heard).as("run connects the sink, replay did not").containsExactly("B");
    }

    @Test
    void aBadValueStopsTheReplayWithExitThreeNamingTheLine() throws IOException {
        Path input = file("in.jsonl", """
                {"ts": 1, "stream": "S", "data": {"symbol": "A", "price": 60}}
                {"ts": 2, "stream": "S", "data": {"symbol": "B", "price": "lots"}}
                {"ts": 3, "stream": "S", "data": {"symbol": "C", "price": 70}}
                """);

        int exit = cli.execute("replay", file("app.sql", APP).toString(), "--input", input.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: attribute 'price' of stream 'S' is DOUBLE,"
                + " cannot convert \"lots\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"A\"").doesNotContain("\"C\"");
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void skipBadReportsBadLinesAndGoesOn() throws IOException {
        Path input = file("in.jsonl", """
                {"ts": 1, "stream": "Nope", "data": {"symbol": "A", "price": 60}}
                {"ts": 0, "stream": "S", "data": {"symbol": "B", "price": 60}}
                {"ts": 3, "stream": "S", "data": {"symbol": "C", "price": 70}}
                """);

        int exit = cli.execute("replay", file("app.sql", TIMED_APP).toString(), "--input", input.toString(),
                "--skip-bad");

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("skipped line 1: unknown stream 'Nope' (the app's input streams: S)")
                .contains("skipped line 2: ts 0 is before the previous ts 1");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"ts":3,"stream":"Out","data":{"symbol":"C","doubled":140.0}}
                {"ts":3,"stream":"Last","data":{"symbol":"C"}}
                """);
    }

    @Test
    void anUnknownStreamStopsTheReplayWithExitThree() throws IOException {
        int exit = cli.execute("replay", file("app.sql", APP).toString(), "--input",
                file("in.jsonl", "{\"ts\": 1, \"stream\": \"Nope\", \"data\": {}}\n").toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1: unknown stream 'Nope'");
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void aCompileErrorExitsWithTwoNamingLineColumnNameAndSuggestion() throws IOException {
        int exit = cli.execute("replay", file("app.sql", APP.replace("price * 2", "pricee")).toString(), "--input",
                file("in.jsonl", "").toString());

        assertThat(exit).isEqualTo(ExitCodes.COMPILE_ERROR);
        String app = dir.resolve("app.sql").toString();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(app + " does not compile:" + System.lineSeparator()
                        + "  line 2, column 32: unknown attribute 'pricee' in stream 'S' (did you mean 'price'?)")
                .contains(String.join(System.lineSeparator(), "",
                        "    INSERT INTO Out SELECT symbol, pricee AS doubled FROM S WHERE price > 50;",
                        "                                   ^~~~~~", ""));
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void validatePrintsTheStreamsOrTheErrors() throws IOException {
        assertThat(cli.execute("validate", file("app.sql", APP).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.format(
                "stream S (symbol STRING, price DOUBLE)%nstream Out (symbol STRING, doubled DOUBLE)%n"));

        assertThat(cli.execute("validate", file("bad.sql", APP.replace("price * 2", "pricee")).toString()))
                .isEqualTo(ExitCodes.COMPILE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.sql does not compile",
                "line 2, column 32: unknown attribute 'pricee'");
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void runSendsTheInputOnTheWallClockPrintsOutputsAndShutsDown() throws IOException {
        int exit = cli.execute("run", file("app.sql", TIMED_APP).toString(), "--input",
                file("in.jsonl", "{\"ts\": 1, \"stream\": \"S\", \"data\": [\"A\", 60]}\n{\"ts\": 2}\n").toString());

        assertThat(exit).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        // the ring drains and OUTPUT LAST flushes the held A on shutdown; nothing advanced a clock to 2
        assertThat(printed.lines()).hasSize(2).allSatisfy(line -> assertThat(wallClockTs(line)).isTrue());
        assertThat(printed).contains("\"stream\":\"Out\",\"data\":{\"symbol\":\"A\",\"doubled\":120.0}")
                .contains("\"stream\":\"Last\",\"data\":{\"symbol\":\"A\"}")
                .doesNotContain("Totals");
        assertThat(engine.apps()).isEmpty();
        assertThat(hotDeploys).hasValue(1);
    }

    @Test
    void runReadsStandardInputForDash() throws IOException {
        cli = cli(() -> engine, "{\"ts\": 1, \"stream\": \"S\", \"data\": [\"A\", 60]}\n");

        assertThat(cli.execute("run", file("app.sql", APP).toString(), "--input", "-")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"doubled\":120.0");
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void usageErrorsExitWithOneAndPrintUsage() throws IOException {
        assertThat(cli.execute()).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.execute("frobnicate")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.execute("replay", "app.sql")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.execute("replay", "app.sql", "--input", "x", "--bogus")).isEqualTo(ExitCodes.ERROR);

        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("eventflux: no command given", "unknown command 'frobnicate'",
                "replay needs --input", "unknown option --bogus", "Usage: eventflux replay");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpIsPrintedForTheCommandAndEachSubcommand() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(cli.execute("help", "run")).isZero();
        assertThat(cli.execute("replay", "--help")).isZero();
        assertThat(cli.execute("validate", "-h")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: eventflux <command>",
                "Usage: eventflux run", "Usage: eventflux replay", "Usage: eventflux validate");
    }

    @Test
    void aMissingServiceOrFileExitsWithOneAndSaysWhat() throws IOException {
        cli = cli(() -> {
            throw new CommandFailure(ExitCodes.ERROR, "the io.eventflux.api.EventFlux service did not appear");
        }, "");
        Path app = file("app.sql", APP);

        assertThat(cli.execute("replay", app.toString(), "--input", file("in.jsonl", "").toString()))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.execute("replay", dir.resolve("missing.sql").toString(), "--input", "x"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("EventFlux service did not appear")
                .contains("cannot read app " + dir.resolve("missing.sql") + ": no such file");
    }

    @Test
    void bundlesAreInstalledBeforeTheAppCompilesAndTheirErrorStopsTheCommand() throws IOException {
        Path app = file("app.sql", APP);
        Path input = file("in.jsonl", "{\"ts\": 1, \"stream\": \"S\", \"data\": [\"A\", 60]}\n");
        java.util.List<String> installed = new java.util.ArrayList<>();
        Console console = new Console(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Cli withBundles = new Cli(() -> engine, engine::compile, console, new StopSignal(), () -> { },
                new Workspace(dir, Map.of()), null, (directory, given) -> {
                    assertThat(directory).isEqualTo(dir);
                    assertThat(engine.apps()).as("installed before the app is deployed").isEmpty();
                    installed.addAll(given);
                });

        assertThat(withBundles.execute("replay", app.toString(), "--bundle", "a.jar", "--input", input.toString(),
                "--bundle", "ext")).isZero();
        assertThat(withBundles.execute("validate", app.toString(), "--bundle=b.jar")).isZero();
        assertThat(withBundles.execute("run", app.toString(), "--input", input.toString(), "--bundle", "c.jar")).isZero();
        assertThat(installed).containsExactly("a.jar", "ext", "b.jar", "c.jar");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"doubled\":120.0");

        Cli failing = new Cli(() -> engine, engine::compile, console, new StopSignal(), () -> { },
                new Workspace(dir, Map.of()), null, (directory, given) -> {
                    throw new CommandFailure(ExitCodes.ERROR, "--bundle x.jar: no such file or folder");
                });
        assertThat(failing.execute("replay", app.toString(), "--input", input.toString(), "--bundle", "x.jar"))
                .isEqualTo(ExitCodes.ERROR);
        // outside OSGi (this class's default Cli) there is nothing to install bundles into
        assertThat(cli.execute("validate", app.toString(), "--bundle", "x.jar")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eventflux: --bundle x.jar: no such file or folder",
                "eventflux: --bundle needs the OSGi runtime (the eventflux jar)");
        assertThat(engine.apps()).isEmpty();
    }

    @Test
    void theShellHasItsHelpAndNeedsTheOsgiRuntime() {
        assertThat(cli.execute("shell", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: eventflux shell [APP.sql ...]");
        assertThat(cli.execute("shell", "--nope")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.execute("shell")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eventflux: unknown option --nope")
                .contains("the shell needs the OSGi runtime");
    }

    /** Whether the line's ts is a wall-clock time (after 2001), not an input ts. */
    private static boolean wallClockTs(String line) {
        String ts = line.substring(line.indexOf("\"ts\":") + 5, line.indexOf(','));
        return Long.parseLong(ts) > 1_000_000_000_000L;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
