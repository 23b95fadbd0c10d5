package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console of {@code eventflux server} on a real pseudo-terminal ({@link TerminalSession}): Tab completes
 * a command name, an app name and a stream name; the up arrow recalls the previous line; the history is kept
 * in HOME/state.
 */
class ConsoleTerminalIT {
    private static final String SENT = "sent 1 event to Hello/In";

    @TempDir
    Path dir;

    @Test
    void tabCompletesCommandsAppsAndStreamsAndTheUpArrowRecallsTheLastLine() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy/hello.sql"), """
                @app:name('Hello');
                CREATE STREAM In (x INT);
                CREATE STREAM Out (x INT);
                INSERT INTO Out SELECT x FROM In;
                """);
        try (TerminalSession server = TerminalSession.start(dir, "", "server --port 0 --home '" + home + "'")) {
            server.await("the app deployed and the prompt", s -> s.contains("g! ") && s.contains("deployed (RUNNING)"));

            // "sen" -> send, "Hel" -> Hello, "I" -> In: each completed by Tab
            server.type("sen\tHel\tI\t'{\"x\": 1}'\r");
            server.await("the event sent", s -> s.contains(SENT));

            // the up arrow brings the line back; Enter sends it again
            server.type(TerminalSession.UP + "\r");
            server.await("the event sent again", s -> s.indexOf(SENT) != s.lastIndexOf(SENT));

            server.type("exit\r");
            assertThat(server.exitCode()).as("the server stops after exit with 0").isZero();
            assertThat(Files.readString(home.resolve("state/console.history"))).contains("send Hello In '{\"x\": 1}'")
                    .contains("exit");
        }
    }
}
