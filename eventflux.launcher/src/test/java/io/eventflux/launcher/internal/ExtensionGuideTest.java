package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/extensions.md shows the example project's files: each code block after a {@code <!-- file: PATH -->}
 * line must be that file, verbatim, and every source file of examples/extension-hello (its pom, sources,
 * tests, the app and its input) must be shown. Change the example, then the page (or the other way round).
 */
class ExtensionGuideTest {
    private static final Pattern MARKER = Pattern.compile("^<!-- file: (\\S+) -->$");
    private static final String PROJECT = "examples/extension-hello";

    @Test
    void theGuideShowsEveryFileOfTheExampleProjectAsItIs() throws IOException {
        Path root = Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize();
        Map<String, String> shown = shownFiles(Files.readAllLines(root.resolve("docs/extensions.md"), StandardCharsets.UTF_8));

        for (Map.Entry<String, String> e : shown.entrySet()) {
            Path file = root.resolve(e.getKey());
            assertThat(file).as("docs/extensions.md shows %s", e.getKey()).isRegularFile();
            assertThat(e.getValue()).as("the block of docs/extensions.md that shows %s (update the page to the file)",
                    e.getKey()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(root.resolve(PROJECT))) {
            files = walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith(PROJECT + "/target/")).sorted().toList();
        }
        assertThat(files).as("the files of " + PROJECT).contains(PROJECT + "/pom.xml", PROJECT + "/greeter.sql");
        assertThat(shown.keySet()).as("the files of %s that docs/extensions.md shows", PROJECT)
                .containsExactlyInAnyOrderElementsOf(files);
    }

    /** PATH to the body of the first fenced block after its marker line. */
    private static Map<String, String> shownFiles(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            int open = i + 1;
            while (open < lines.size() && !lines.get(open).startsWith("```")) {
                open++;
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            assertThat(close).as("the code block after line %d of docs/extensions.md is closed", i + 1).isLessThan(lines.size());
            assertThat(out.put(m.group(1), String.join("\n", lines.subList(open + 1, close)).stripTrailing()))
                    .as("%s shown twice", m.group(1)).isNull();
            i = close;
        }
        return out;
    }
}
