package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console of {@code eventflux server --console} through the runnable jar: the Gogo prompt on standard
 * output once the server is ready, the eventflux commands of eventflux.shell answering with their tables
 * (an app dropped into deploy/ is listed by {@code apps}), and leaving the console ({@code exit}, or the
 * end of the input as Ctrl-D gives it) stopping the server with exit code 0.
 */
class ConsoleJarIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Process server;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final List<Thread> pumps = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theConsoleListsTheAppsAndExitStopsTheServer() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy/hello.sql"), """
                @app:name('Hello');
                CREATE STREAM In (x INT);
                CREATE STREAM Out (x INT);
                INSERT INTO Out SELECT x FROM In;
                """);
        start(home);
        await("the prompt", out, s -> s.contains("g! "));
        assertThat(out.toString()).contains(GogoConsole.BANNER);
        // stderr is read by its own thread: the ready line may arrive after the prompt
        await("the ready line", err, s -> s.contains("eventflux: server ready in "));

        // the app of the deploy folder may still be deploying when the prompt shows: ask until it is listed
        String listing = await("Hello listed by apps", () -> command("apps"), s -> s.contains("Hello") && s.contains("RUNNING"));
        assertThat(listing).contains("Hello").contains("RUNNING");
        String status = command("status Hello");
        assertThat(status).contains("Hello").contains("In").contains("Out");
        String unknown = commandErr("nosuchcommand");
        assertThat(unknown).contains("gosh: ").contains("nosuchcommand");

        type("exit\n");
        assertThat(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the server stops after exit").isTrue();
        assertThat(server.exitValue()).isZero();
    }

    @Test
    void theEndOfTheInputStopsTheServer() throws Exception {
        Path home = dir.resolve("home");
        start(home);
        await("the prompt", out, s -> s.contains("g! "));
        server.getOutputStream().close(); // Ctrl-D
        assertThat(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the server stops at the end of the input").isTrue();
        assertThat(server.exitValue()).isZero();
        for (Thread pump : pumps) {
            pump.join(WAIT.toMillis());
        }
        assertThat(err.toString()).contains("eventflux: server ready in ").doesNotContain("Exception");
    }

    private void start(Path home) throws IOException {
        String jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString();
        server = new ProcessBuilder(java(), "-jar", jar, "server", "--port", "0", "--home", home.toString(), "--console")
                .directory(dir.toFile()).start();
        pumps.add(OutputPump.start(server.getInputStream(), out));
        pumps.add(OutputPump.start(server.getErrorStream(), err));
    }

    /** Types a command, then returns what stdout got until the next prompt. */
    private String command(String line) throws Exception {
        int from = out.length();
        type(line + "\n");
        String text = await("the prompt after " + line, out, s -> s.indexOf("g! ", from) >= 0);
        return text.substring(from, text.indexOf("g! ", from));
    }

    /** Types a command that fails, then returns what stderr got once the next prompt shows. */
    private String commandErr(String line) throws Exception {
        int from = out.length();
        int errFrom = err.length();
        type(line + "\n");
        await("the prompt after " + line, out, s -> s.indexOf("g! ", from) >= 0);
        return await("the error of " + line, err, s -> s.length() > errFrom).substring(errFrom);
    }

    private void type(String text) throws IOException {
        OutputStream in = server.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private interface Probe {
        String get() throws Exception;
    }

    private String await(String what, StringBuffer buffer, Predicate<String> done) throws Exception {
        return await(what, buffer::toString, done);
    }

    private String await(String what, Probe probe, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; stdout:\n" + out
                        + "\nstderr:\n" + err);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            last = probe.get();
        }
        return last;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
