package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The shell's output of other threads: whole flushes to standard output, or above the line being edited. */
class ConsoleOutputTest {
    private final ConsoleCompletions none = new ConsoleCompletions(List::of, List::of, app -> List.of());

    @Test
    void withoutALineEditorEachFlushGoesToTheStream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleOutput output = new ConsoleOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output.write("{\"a\":1}\n");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).as("nothing before the flush").isEmpty();
        output.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");

        ByteArrayOutputStream other = new ByteArrayOutputStream();
        output.to(new PrintStream(other, true, StandardCharsets.UTF_8));
        output.write("{\"a\":2}\n");
        output.flush();
        assertThat(other.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}\n");
    }

    @Test
    void whileALineIsTypedTheTextGoesAboveItAndTheLineIsDrawnAgain() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm", new PipedInputStream(keys), screen,
                StandardCharsets.UTF_8);
        ConsoleOutput output = new ConsoleOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (JLineInput input = new JLineInput(terminal, none, null)) {
            output.editor(input);
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> input.readLine("g! "));
            // keys typed before the reader has the terminal are echoed by the terminal itself and then drawn again
            // by the reader, with cursor movements between them: type once the prompt is there
            await(screen, "the prompt", shown -> shown.contains("g! "));
            keys.write("send He".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            await(screen, "the half-typed line", shown -> shown.contains("send He"));

            output.write("{\"ts\":1,\"stream\":\"Out\",\"data\":{\"x\":1}}\n");
            output.flush();
            String json = "{\"ts\":1,\"stream\":\"Out\",\"data\":{\"x\":1}}";
            // the text, then (in a later write) the prompt and the half-typed line drawn again below it
            String shown = await(screen, "the output, then the prompt and the half-typed line drawn again",
                    s -> s.contains(json) && s.substring(s.indexOf(json)).contains("g! send He"));
            assertThat(shown.indexOf(json)).isLessThan(shown.lastIndexOf("g! send He"));

            keys.write("llo\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertThat(line.get(30, TimeUnit.SECONDS)).isEqualTo("send Hello");
        } finally {
            output.editor(null);
        }
    }

    private static String await(ByteArrayOutputStream screen, String what, Predicate<String> done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String shown = screen.toString(StandardCharsets.UTF_8);
        while (!done.test(shown)) {
            assertThat(System.nanoTime()).as(what + " on the screen; it shows: " + shown).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            shown = screen.toString(StandardCharsets.UTF_8);
        }
        return shown;
    }
}
