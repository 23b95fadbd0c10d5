package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.eventflux.api.ExtensionInfo;
import io.eventflux.engine.StreamOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed reference pages under {@code docs/reference/} must be exactly what {@link ReferenceDocs}
 * generates from the extensions on this module's class path (every bundle of the runtime) now: a changed
 * {@code @Extension} description or a new key fails the build until the pages are regenerated. With
 * {@code -Deventflux.docs.write=true} the test rewrites the pages instead.
 */
class ReferenceDocsTest {
    private static Path dir() {
        return Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize()
                .resolve("docs").resolve("reference");
    }

    @Test
    void committedPagesMatchTheExtensionsMetadata() throws IOException {
        Map<String, String> pages = ReferenceDocs.load(getClass().getClassLoader()).pages();
        if (Boolean.getBoolean("eventflux.docs.write")) {
            ReferenceDocs.main(new String[] {dir().toString()});
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir().resolve(page.getKey());
            if (!Files.exists(file)) {
                fail(file + " is missing; generate it with: " + ReferenceDocs.REGENERATE);
            }
            String committed = Files.readString(file, StandardCharsets.UTF_8);
            if (!committed.equals(page.getValue())) {
                fail(file + " is out of date with the extensions' @Extension metadata (first difference at line "
                        + firstDifference(committed, page.getValue()) + "); regenerate it with: "
                        + ReferenceDocs.REGENERATE + " and commit the result");
            }
        }
    }

    @Test
    void theConnectorPageCoversEveryConnectorAndTheCommonKeys() {
        ReferenceDocs docs = ReferenceDocs.load(getClass().getClassLoader());
        String page = docs.connectors();
        // the engine's own defaults, as ConnectorOptions applies them
        assertThat(page).contains("| `error.strategy` | STRING: drop \\| retry \\| dlq \\| fail | `drop` |")
                .contains("| `async.buffer_size` | INT | `1024` |");
        for (String section : List.of("### kafka", "### file", "### http", "### json", "### csv", "### jdbc",
                "### redis")) {
            assertThat(page).contains(section);
        }
        assertThat(page).contains("| `kafka.poll.timeout.ms` | LONG | `100` |")
                .contains("| `kafka.bootstrap.servers` | STRING |  | yes |");
        assertThat(docs.extensionsPage()).contains("| `length` |").contains("| `sum` |").contains("### math");
    }

    @Test
    void aPageFollowsTheMetadataItIsGivenFrom() {
        ExtensionInfo source = new ExtensionInfo("source", "demo", List.of("d"), "A demo source.",
                List.of("demo.rate: INT = 10, events a second", "demo.url: STRING required, where",
                        "demo.sep: STRING = ',', between fields", "demo.name: STRING = (the stream's name), a label"),
                "io.eventflux.connector.demo.internal.DemoSourceFactory");
        String page = new ReferenceDocs(List.of(source), List.of(StreamOption.TYPE)).connectors();
        assertThat(page).contains("### demo\n\nAlso named `d`.\n\nA demo source.\n\nBundle: `eventflux.connector.demo`.")
                .contains("| `demo.rate` | INT | `10` |  | events a second |")
                .contains("| `demo.url` | STRING |  | yes | where |")
                .contains("| `demo.sep` | STRING | `','` |  | between fields |")
                .contains("| `demo.name` | STRING | the stream's name |  | a label |")
                .contains("| `type` | STRING: source \\| sink |  | yes |");
    }

    @Test
    void everyConnectorKeyIsRequiredOrDeclaresItsDefault() {
        assertThat(ReferenceDocs.load(getClass().getClassLoader()).undeclaredDefaults())
                .as("WITH keys whose default the connector page cannot show").isEmpty();
    }

    @Test
    void aKeyWithoutADeclaredDefaultOrWithOneOnlyInItsTextIsFound() {
        ExtensionInfo sink = new ExtensionInfo("sink", "demo", List.of(), "A demo sink.",
                List.of("demo.rate: INT, events a second (default 10)", "demo.mode: STRING = a, a or b",
                        "demo.url: STRING required, where", "demo.tag: STRING, a label", "demo.x: any value"),
                "io.eventflux.connector.demo.internal.DemoSinkFactory");
        ExtensionInfo window = new ExtensionInfo("window", "demo", List.of(), "", List.of("size: INT, how many"),
                "io.eventflux.window.demo.internal.DemoWindowFactory");
        assertThat(new ReferenceDocs(List.of(sink, window), List.of()).undeclaredDefaults()).containsExactly(
                "sink demo: key 'demo.rate' is optional and states no default (write \"demo.rate: INT = value\", "
                        + "\"= (in words)\" or \"required\")",
                "sink demo: key 'demo.rate' states a default in its text: 'events a second (default 10)'",
                "sink demo: key 'demo.tag' is optional and states no default (write \"demo.tag: STRING = value\", "
                        + "\"= (in words)\" or \"required\")",
                "sink demo: key 'demo.x' names no type (\"demo.x: TYPE = default, meaning\")");
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }
}
