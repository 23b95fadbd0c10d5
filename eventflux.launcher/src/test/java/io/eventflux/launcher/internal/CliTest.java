package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.ClockMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final String APP = """
            CREATE STREAM S (symbol STRING, price DOUBLE);
            INSERT INTO Out SELECT symbol, price * 2 AS doubled FROM S WHERE price > 50;
            """;

    @TempDir
    Path dir;

    private final FakeEventFlux engine = new FakeEventFlux();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger hotDeploys = new AtomicInteger();
    private Cli cli = cli(() -> engine, "");

    private Cli cli(EventFluxSource source, String stdin) {
        Console console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(source, console, new StopSignal(), hotDeploys::incrementAndGet);
    }

    @Test
    void replayWritesEmittedEventsInEventTimeAndShutsDownGracefully() throws IOException {
        Path app = file("app.sql", APP);
        Path input = file("in.jsonl", """
                {"ts": 1000, "stream": "S", "data": {"symbol": "IBM", "price": 75.5}}
                // skipped
                {"ts": 1001, "stream": "S", "data": {"symbol": "MSFT", "price": 20}}
                {"ts": 1002, "stream": "S", "batch": [["GOOG", 51], {"symbol": "X"}]}
                {"ts": 1002}
                {"ts": 2000}
                """);
        Path output = dir.resolve("out.jsonl");

        int exit = cli.execute("replay", app.toString(), "--input", input.toString(), "--output", output.toString());

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(output)).isEqualTo("""
                {"ts":1000,"stream":"Out","data":{"symbol":"IBM","doubled":151.0}}
                {"ts":1002,"stream":"Out","data":{"symbol":"GOOG","doubled":102.0}}
                {"ts":2000,"stream":"Out","data":{"symbol":"END","doubled":-1.0}}
                """);
        assertThat(engine.deployed).singleElement().satisfies(options -> {
            assertThat(options.clock()).isEqualTo(ClockMode.PLAYBACK);
            assertThat(options.synchronous()).isTrue();
        });
        assertThat(engine.log).containsExactly("advance 1000", "send 1", "advance 1001", "send 1", "advance 1002",
                "send 2", "advance 2000", "shutdown");
        assertThat(engine.undeployed).containsExactly("fake");
        assertThat(hotDeploys).hasValue(0);
    }

    @Test
    void replayWithoutOutputWritesToStandardOutput() throws IOException {
        int exit = cli.execute("replay", file("app.sql", APP).toString(), "--input",
                file("in.jsonl", "{\"ts\": 5, \"stream\": \"S\", \"data\": [\"A\", 60]}\n").toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"ts":5,"stream":"Out","data":{"symbol":"A","doubled":120.0}}
                {"ts":5,"stream":"Out","data":{"symbol":"END","doubled":-1.0}}
                """);
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
    }

    @Test
    void skipBadReportsBadLinesAndGoesOn() throws IOException {
        Path input = file("in.jsonl", """
                {"ts": 1, "stream": "Nope", "data": {"symbol": "A", "price": 60}}
                {"ts": 0, "stream": "S", "data": {"symbol": "B", "price": 60}}
                {"ts": 3, "stream": "S", "data": {"symbol": "C", "price": 70}}
                """);

        int exit = cli.execute("replay", file("app.sql", APP).toString(), "--input", input.toString(), "--skip-bad");

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("skipped line 1: unknown stream 'Nope' (the app's input streams: S)")
                .contains("skipped line 2: ts 0 is before the previous ts 1");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"C\"").doesNotContain("\"B\"");
    }

    @Test
    void anUnknownStreamStopsTheReplayWithExitThree() throws IOException {
        int exit = cli.execute("replay", file("app.sql", APP).toString(), "--input",
                file("in.jsonl", "{\"ts\": 1, \"stream\": \"Nope\", \"data\": {}}\n").toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1: unknown stream 'Nope'");
    }

    @Test
    void aCompileErrorExitsWithTwoNamingLineColumnNameAndSuggestion() throws IOException {
        int exit = cli.execute("replay", file("app.sql", APP.replace("price * 2", "pricee")).toString(), "--input",
                file("in.jsonl", "").toString());

        assertThat(exit).isEqualTo(ExitCodes.COMPILE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("does not compile")
                .contains("line 2, column 31: unknown attribute 'pricee' of stream 'S' (did you mean 'price'?)");
        assertThat(engine.deployed).isEmpty();
    }

    @Test
    void validatePrintsTheStreamsOrTheErrors() throws IOException {
        assertThat(cli.execute("validate", file("app.sql", APP).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(String.format(
                "stream S (symbol STRING, price DOUBLE)%nstream Out (symbol STRING, doubled DOUBLE)%n"));

        assertThat(cli.execute("validate", file("bad.sql", "pricee").toString())).isEqualTo(ExitCodes.COMPILE_ERROR);
    }

    @Test
    void runSendsTheInputOnTheWallClockPrintsOutputsAndShutsDown() throws IOException {
        int exit = cli.execute("run", file("app.sql", APP).toString(), "--input",
                file("in.jsonl", "{\"ts\": 1, \"stream\": \"S\", \"data\": [\"A\", 60]}\n{\"ts\": 2}\n").toString());

        assertThat(exit).isZero();
        assertThat(engine.deployed).singleElement().satisfies(options -> {
            assertThat(options.clock()).isEqualTo(ClockMode.WALL);
            assertThat(options.synchronous()).isFalse();
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"symbol\":\"A\",\"doubled\":120.0").contains("END");
        assertThat(engine.log).containsExactly("send 1", "shutdown");
        assertThat(hotDeploys).hasValue(1);
    }

    @Test
    void runReadsStandardInputForDash() throws IOException {
        cli = cli(() -> engine, "{\"ts\": 1, \"stream\": \"S\", \"data\": [\"A\", 60]}\n");

        assertThat(cli.execute("run", file("app.sql", APP).toString(), "--input", "-")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"doubled\":120.0");
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

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
