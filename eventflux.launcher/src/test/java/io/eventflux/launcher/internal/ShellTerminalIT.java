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
 * {@code eventflux shell APP.sql} on a real pseudo-terminal (util-linux {@code script}, as in
 * {@link ConsoleTerminalIT}): the banner and the prompt, Tab completes a command name, the app's name and a
 * stream name; the event sent prints the app's output above the next prompt; the up arrow recalls the line;
 * {@code exit} ends the shell with 0 and the history file ({@code ~/.eventflux_history}) keeps the lines.
 */
class ShellTerminalIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String UP = "\033OA";
    private static final String SENT = "sent 1 event to Hello/In";
    private static final String OUTPUT = "\"stream\":\"Out\",\"data\":{\"x\":1,\"y\":2}}";

    @TempDir
    Path dir;

    private Process shell;
    private final StringBuffer out = new StringBuffer();

    @AfterEach
    void stop() throws InterruptedException {
        if (shell != null && shell.isAlive()) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tabCompletesTheUpArrowRecallsAndTheAppsOutputIsPrinted() throws Exception {
        Path script = Path.of("/usr/bin/script");
        if (!Files.isExecutable(script)) {
            assertThat(System.getenv("CI")).as("util-linux script(1) is needed on CI").isNotEqualTo("true");
            assumeTrue(false, "no /usr/bin/script (util-linux): the pseudo-terminal test is skipped");
        }
        Files.writeString(dir.resolve("hello.sql"), """
                @app:name('Hello');
                CREATE STREAM In (x INT);
                CREATE STREAM Out (x INT, y INT);
                INSERT INTO Out SELECT x, x * 2 AS y FROM In;
                """);
        String jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qfec",
                "'" + java + "' -Duser.home='" + dir + "' -jar '" + jar + "' shell hello.sql", "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        shell = builder.start();
        pump(shell.getInputStream());
        await("the banner and the prompt", s -> s.contains(ShellCommand.BANNER) && s.contains("g! ")
                && s.contains("app 'Hello' (hello.sql) is running"));

        // "sen" -> send, "Hel" -> Hello, "I" -> In: each completed by Tab; the app's output, then the answer
        type("sen\tHel\tI\t'{\"x\": 1}'\r");
        await("the output and the answer", s -> s.contains(SENT) && s.contains(OUTPUT));
        assertThat(out.indexOf(OUTPUT)).as("the output comes before the answer").isLessThan(out.indexOf(SENT));

        // the up arrow brings the line back; Enter sends it again
        type(UP + "\r");
        await("the event sent again", s -> s.indexOf(SENT) != s.lastIndexOf(SENT) && s.indexOf(OUTPUT) != s.lastIndexOf(OUTPUT));

        type("exit\r");
        assertThat(shell.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the shell ends after exit").isTrue();
        assertThat(shell.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve(".eventflux_history"))).contains("send Hello In '{\"x\": 1}'")
                .contains("exit");
    }

    private void type(String keys) throws IOException {
        OutputStream in = shell.getOutputStream();
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
            if (System.nanoTime() > deadline || !shell.isAlive()) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; output:\n" + out);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
