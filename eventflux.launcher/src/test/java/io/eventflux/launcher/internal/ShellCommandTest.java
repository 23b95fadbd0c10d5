package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.config.AppConfig;
import io.eventflux.engine.EventFluxRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ShellCommand} on the engine without OSGi, the console played by the test: the apps of the command line
 * are deployed inline and watched, {@code watch}/{@code unwatch} switch the printing, and leaving the console
 * shuts every app down.
 */
class ShellCommandTest {
    private final EventFluxRuntime engine = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void appsAreNamedByTheirAnnotationElseByTheirFile() {
        assertThat(ShellCommand.appName("dir/hello.sql", "CREATE STREAM In (x INT);")).isEqualTo("hello");
        assertThat(ShellCommand.appName("hello.SQL", "@app:name('It''s');")).isEqualTo("It's");
        assertThat(ShellCommand.appName("a.sql", "-- @app:name('No')\nCREATE STREAM In (x INT);")).isEqualTo("a");
    }

    @Test
    void theAppsOfTheCommandLinePrintTheirOutputsUntilTheConsoleEnds() throws Exception {
        Map<String, String> apps = new LinkedHashMap<>();
        apps.put("hello.sql", """
                CREATE STREAM In (x INT);
                INSERT INTO Out SELECT x * 2 AS y FROM In;
                """);
        ShellCommand.Gogo console = new PlayedConsole((history, interactive, output, watches) -> {
            // what the commands do: send (inline, so printed at once), unwatch, send, watch again, send
            engine.app("hello").orElseThrow().inputHandler("In").send(new Object[] {1});
            assertThat(watches.unwatch("hello")).isEqualTo("stopped watching hello");
            engine.app("hello").orElseThrow().inputHandler("In").send(new Object[] {2});
            assertThat(watches.watch("hello")).isEqualTo("watching hello: Out");
            engine.app("hello").orElseThrow().inputHandler("In").send(new Object[] {3});
            assertThat(watches.watch()).isEqualTo("watching hello");
            return 1;
        });
        ShellCommand shell = new ShellCommand(engine, console, new StopSignal(), print(out), print(err), false);

        int code = shell.run(apps, DeployOptions.defaults(), Path.of("history"),
                output -> new EventLineWriter(output, new JsonFactory(), true), null);

        assertThat(code).as("a command failed on a pipe").isEqualTo(ExitCodes.ERROR);
        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\"ts\":\\d+", "\"ts\":T")).isEqualTo("""
                {"ts":T,"stream":"Out","data":{"y":2}}
                {"ts":T,"stream":"Out","data":{"y":6}}
                """);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("app 'hello' (hello.sql) is running");
        assertThat(engine.apps()).as("shut down and undeployed when the console ends").isEmpty();
    }

    /** The console's commands, played by the test; no management API. */
    private interface Commands {
        int run(Path history, boolean interactive, ConsoleOutput output, AppWatches watches) throws Exception;
    }

    private record PlayedConsole(Commands commands) implements ShellCommand.Gogo {
        @Override
        public int console(Path history, boolean interactive, ConsoleOutput output, AppWatches watches) {
            try {
                return commands.run(history, interactive, output, watches);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String start(Path home, Map<String, String> settings, AppConfig options) {
            throw new AssertionError("no management API was asked for");
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
