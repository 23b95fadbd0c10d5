package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux shell APP.sql} on a real pseudo-terminal ({@link TerminalSession}, as in
 * {@link ConsoleTerminalIT}): the banner and the prompt, Tab completes a command name, the app's name and a
 * stream name; the event sent prints the app's output above the next prompt; the up arrow recalls the line;
 * {@code exit} ends the shell with 0 and the history file ({@code ~/.eventflux_history}) keeps the lines.
 */
class ShellTerminalIT {
    private static final String SENT = "sent 1 event to Hello/In";
    private static final String OUTPUT = "\"stream\":\"Out\",\"data\":{\"x\":1,\"y\":2}}";

    @TempDir
    Path dir;

    @Test
    void tabCompletesTheUpArrowRecallsAndTheAppsOutputIsPrinted() throws Exception {
        Files.writeString(dir.resolve("hello.sql"), """
                @app:name('Hello');
                CREATE STREAM In (x INT);
                CREATE STREAM Out (x INT, y INT);
                INSERT INTO Out SELECT x, x * 2 AS y FROM In;
                """);
        try (TerminalSession shell = TerminalSession.start(dir, "-Duser.home='" + dir + "'", "shell hello.sql")) {
            shell.await("the banner and the prompt", s -> s.contains(ShellCommand.BANNER) && s.contains("g! ")
                    && s.contains("app 'Hello' (hello.sql) is running"));

            // "sen" -> send, "Hel" -> Hello, "I" -> In: each completed by Tab; the app's output, then the answer
            shell.type("sen\tHel\tI\t'{\"x\": 1}'\r");
            shell.await("the output and the answer", s -> s.contains(SENT) && s.contains(OUTPUT));
            String shown = shell.output();
            assertThat(shown.indexOf(OUTPUT)).as("the output comes before the answer").isLessThan(shown.indexOf(SENT));

            // the up arrow brings the line back; Enter sends it again
            shell.type(TerminalSession.UP + "\r");
            shell.await("the event sent again",
                    s -> s.indexOf(SENT) != s.lastIndexOf(SENT) && s.indexOf(OUTPUT) != s.lastIndexOf(OUTPUT));

            shell.type("exit\r");
            assertThat(shell.exitCode()).as("the shell ends after exit with 0").isZero();
            assertThat(Files.readString(dir.resolve(".eventflux_history"))).contains("send Hello In '{\"x\": 1}'")
                    .contains("exit");
        }
    }
}
