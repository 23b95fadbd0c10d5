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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example app under {@code examples/} (a folder holding {@code app.sql}, found automatically, so a
 * new example is covered once it is added) runs through {@code eventflux replay} against the real engine
 * and its output must match the folder's {@code expected.jsonl}, judged as conformance/run.py judges. Each
 * example also needs its {@code input.jsonl} and a {@code README.md}. CI also replays them through the
 * runnable jar ({@code .ci/run}).
 */
class ExamplesTest {
    @TempDir
    Path dir;

    static Path examples() {
        return Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize().resolve("examples");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleReplaysToItsExpectedOutput() {
        List<ReplayCase> cases = ReplayCase.under(examples());
        assertThat(cases).as("example apps in %s", examples()).hasSizeGreaterThanOrEqualTo(5);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> replay(c)));
    }

    private void replay(ReplayCase c) throws IOException {
        Path folder = examples().resolve(c.name());
        assertThat(folder.resolve("expected.jsonl")).as("every example has its expected output").isRegularFile();
        assertThat(folder.resolve("README.md")).as("every example has a README.md").isRegularFile();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path output = dir.resolve(c.name() + ".out.jsonl");
        try (EventFluxRuntime engine = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            Console console = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            // an empty workspace: no conf/eventflux.toml, no environment (the apps' ${VAR:default} apply)
            Cli cli = new Cli(() -> engine, engine::compile, console, new StopSignal(), () -> { },
                    new Workspace(dir, Map.of()));
            int exit = cli.execute("replay", folder.resolve("app.sql").toString(), "--input",
                    folder.resolve("input.jsonl").toString(), "--output", output.toString());
            assertThat(exit).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
        String got = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(c.compare(got)).as("%s: output\n%s", c.name(), got).isNull();
    }
}
