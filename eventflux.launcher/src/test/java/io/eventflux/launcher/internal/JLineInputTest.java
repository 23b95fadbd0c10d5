package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's line editor on JLine's own terminal over streams: keys in, lines out. */
class JLineInputTest {
    /** The up arrow as an xterm sends it once JLine has switched the keypad to application mode. */
    private static final String UP = "\033OA";
    private static final String CTRL_P = "\020";

    private final ConsoleCompletions completions = new ConsoleCompletions(
            () -> List.of("eventflux:apps", "eventflux:send", "eventflux:status", "felix:lb"),
            () -> List.of("Hello", "Trades"),
            app -> Map.of("Hello", List.of("In", "Out")).getOrDefault(app, List.of()));

    @TempDir
    Path dir;

    @Test
    void tabCompletesCommandAppAndStreamNamesAndTheHistoryIsKept() throws Exception {
        Path history = dir.resolve("state/console.history");
        List<String> lines = type(history, "sen\tHel\tI\t'{\"x\": 1}'\r" + "stat\tTr\t\r" + UP + UP + "\r");
        assertThat(lines).containsExactly("send Hello In '{\"x\": 1}'", "status Trades ", "send Hello In '{\"x\": 1}'");
        assertThat(Files.readString(history)).contains("send Hello In").contains("status Trades");

        // a new console reads the history of the previous one
        assertThat(type(history, CTRL_P + CTRL_P + CTRL_P + "\r")).containsExactly("send Hello In '{\"x\": 1}'");
    }

    @Test
    void ctrlDEndsTheInput() throws Exception {
        assertThat(type(null, "apps\r\u0004")).containsExactly("apps");
    }

    private List<String> type(Path history, String keys) throws Exception {
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        try (JLineInput input = new JLineInput(terminal, completions, history)) {
            for (String line; (line = input.readLine("g! ")) != null; ) {
                lines.add(line);
            }
        }
        return lines;
    }
}
