package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console of {@code eventflux server} on a real pseudo-terminal (util-linux {@code script}, which runs
 * the runnable jar on a pty and copies the keys written to it): Tab completes a command name, an app name
 * and a stream name; the up arrow recalls the previous line; the history is kept in HOME/state.
 */
class ConsoleTerminalIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String UP = "\033OA";
    private static final String SENT = "sent 1 event to Hello/In";

    @TempDir
    Path dir;

    private Process server;
    private final StringBuffer out = new StringBuffer();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tabCompletesCommandsAppsAndStreamsAndTheUpArrowRecallsTheLastLine() throws Exception {
        Path script = Path.of("/usr/bin/script");
        if (!Files.isExecutable(script)) {
            assertThat(System.getenv("CI")).as("util-linux script(1) is needed on CI").isNotEqualTo("true");
            assumeTrue(false, "no /usr/bin/script (util-linux): the pseudo-terminal test is skipped");
        }
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy/hello.sql"), """
                @app:name('Hello');
                CREATE STREAM In (x INT);
                CREATE STREAM Out (x INT);
                INSERT INTO Out SELECT x FROM In;
                """);
        String jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qfec",
                "'" + java + "' -jar '" + jar + "' server --port 0 --home '" + home + "'", "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        server = builder.start();
        pump(server.getInputStream());
        await("the app deployed and the prompt", s -> s.contains("g! ") && s.contains("deployed (RUNNING)"));

        // "sen" -> send, "Hel" -> Hello, "I" -> In: each completed by Tab
        type("sen\tHel\tI\t'{\"x\": 1}'\r");
        await("the event sent", s -> s.contains(SENT));

        // the up arrow brings the line back; Enter sends it again
        type(UP + "\r");
        await("the event sent again", s -> s.indexOf(SENT) != s.lastIndexOf(SENT));

        type("exit\r");
        assertThat(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the server stops after exit").isTrue();
        assertThat(server.exitValue()).isZero();
        assertThat(Files.readString(home.resolve("state/console.history"))).contains("send Hello In '{\"x\": 1}'")
                .contains("exit");
    }

    private void type(String keys) throws IOException {
        OutputStream in = server.getOutputStream();
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private void pump(InputStream in) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private void await(String what, Predicate<String> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(out.toString())) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; output:\n" + out);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
