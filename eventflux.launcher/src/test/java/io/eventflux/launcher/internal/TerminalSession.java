package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The runnable jar on a real pseudo-terminal (util-linux {@code script}, which runs a command on a pty and
 * copies the keys written to it): keys typed, everything printed so far, bounded waits for what should
 * appear. Skips the test where {@code script} is missing, and fails it instead on CI.
 */
final class TerminalSession implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String UP = "\033OA";
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Process process;
    private final StringBuffer out = new StringBuffer();

    private TerminalSession(Process process) {
        this.process = process;
        OutputPump.start(process.getInputStream(), out);
    }

    /**
     * Starts {@code java [jvmOptions] -jar eventflux.jar ARGS} on a pseudo-terminal in {@code dir}.
     *
     * @param jvmOptions what goes before {@code -jar}, already quoted for the shell ("" for none)
     * @param args the command's arguments, already quoted for the shell
     */
    static TerminalSession start(Path dir, String jvmOptions, String args) throws IOException {
        if (!Files.isExecutable(SCRIPT)) {
            assertThat(System.getenv("CI")).as("util-linux script(1) is needed on CI").isNotEqualTo("true");
            assumeTrue(false, "no /usr/bin/script (util-linux): the pseudo-terminal test is skipped");
        }
        String jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qfec",
                "'" + java + "' " + jvmOptions + " -jar '" + jar + "' " + args, "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm");
        return new TerminalSession(builder.start());
    }

    void type(String keys) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(keys.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Everything the terminal showed so far. */
    String output() {
        return out.toString();
    }

    void await(String what, Predicate<String> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(out.toString())) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; output:\n" + out);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Waits for the process to end; its exit code. */
    int exitCode() throws InterruptedException {
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the process ends").isTrue();
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
