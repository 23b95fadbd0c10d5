package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SQL reference under {@code docs/sql/} documents every extension the generated
 * {@code docs/reference/extensions.md} lists: each window (the {@code ## Windows} table), each aggregator
 * ({@code ## Aggregators}) and each function of each library ({@code ### lib} tables under
 * {@code ## Function libraries}) needs a section of its own in one of the {@code docs/sql/*.md} pages.
 *
 * <p>The rule: a name is documented when some page has a level-3 heading ({@code ### ...}) with a code
 * span that names it:
 * <ul>
 *   <li>a window or an aggregator {@code name}: the span {@code `name`} (aliases, such as {@code tumbling},
 *       are named in the section's text, not in a heading of their own);</li>
 *   <li>a function {@code name} of library {@code lib}: {@code `name`}, {@code `name(...)`} (any arguments),
 *       {@code `lib:name`} or {@code `lib:name(...)`}; one section covers every overload
 *       ({@code round(x)} and {@code round(x, n)}), and a heading may name several functions
 *       ({@code ### `default(x, d)`, `ifnull(x, d)`}).</li>
 * </ul>
 * Names compare ignoring case ({@code EXTRACT(unit FROM ts)} names {@code extract}). Windows live in
 * {@code docs/sql/windows.md}, aggregators in {@code docs/sql/aggregators.md}, functions in
 * {@code docs/sql/functions.md}, but any page under {@code docs/sql/} counts. Each kind has its own test,
 * so a failure names the kind and every name without a section.
 */
class SqlReferenceCoverageTest {
    private static final Pattern ROW_NAME = Pattern.compile("^\\| `([^`]+)` \\|");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern FUNCTION_SPAN = Pattern.compile("^(?:([A-Za-z_][A-Za-z0-9_]*):)?([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\(.*\\))?$");

    private static Path root() {
        return Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void everyWindowHasASection() throws IOException {
        List<String> windows = tableNames(section(extensionsPage(), "## Windows"));
        assertThat(windows).as("windows listed in docs/reference/extensions.md").hasSizeGreaterThan(10);
        assertThat(missing(windows, headingSpans())).as("windows without a ### `name` section in docs/sql/*.md")
                .isEmpty();
    }

    @Test
    void everyAggregatorHasASection() throws IOException {
        List<String> aggregators = tableNames(section(extensionsPage(), "## Aggregators"));
        assertThat(aggregators).as("aggregators listed in docs/reference/extensions.md").hasSizeGreaterThan(10);
        assertThat(missing(aggregators, headingSpans()))
                .as("aggregators without a ### `name` section in docs/sql/*.md").isEmpty();
    }

    @Test
    void everyFunctionHasASection() throws IOException {
        Map<String, List<String>> libraries = functions(section(extensionsPage(), "## Function libraries"));
        assertThat(libraries).as("function libraries listed in docs/reference/extensions.md")
                .containsKeys("core", "math", "string", "time", "json");
        Set<String> spans = headingSpans();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> library : libraries.entrySet()) {
            for (String name : library.getValue()) {
                if (!documentsFunction(spans, library.getKey(), name)) {
                    missing.add(library.getKey() + ":" + name);
                }
            }
        }
        assertThat(missing).as("functions without a ### `name(...)` (or `lib:name`) section in docs/sql/*.md")
                .isEmpty();
    }

    @Test
    void theRuleReadsHeadingsAndTablesAsItsJavadocSays() {
        Set<String> spans = spansOf(List.of("### `default(x, d)`, `ifnull(x, d)`", "### `math:round(x[, n])`",
                "## `notLevelThree`", "### `EXTRACT(unit FROM ts)`", "### `length`", "text `inText`"));
        assertThat(documentsFunction(spans, "core", "default")).isTrue();
        assertThat(documentsFunction(spans, "core", "ifnull")).isTrue();
        assertThat(documentsFunction(spans, "math", "round")).isTrue();
        assertThat(documentsFunction(spans, "string", "round")).isFalse();
        assertThat(documentsFunction(spans, "time", "extract")).isTrue();
        assertThat(documentsFunction(spans, "core", "notLevelThree")).isFalse();
        assertThat(documentsFunction(spans, "core", "inText")).isFalse();
        assertThat(missing(List.of("length", "LENGTH", "time"), spans)).containsExactly("time");
        assertThat(tableNames(List.of("| name | aliases |", "|---|---|", "| `timeBatch` | `tumbling` | x |")))
                .containsExactly("timeBatch");
        assertThat(functions(List.of("### math", "", "| function | description |", "|---|---|",
                "| `round(x)` | a |", "| `round(x, n: INT\\|LONG)` | b |", "### json", "| `toJson(value)` | c |")))
                .containsExactly(Map.entry("math", List.of("round")), Map.entry("json", List.of("toJson")));
    }

    private static List<String> extensionsPage() throws IOException {
        return Files.readAllLines(root().resolve("docs/reference/extensions.md"), StandardCharsets.UTF_8);
    }

    /** The lines from the heading to the next heading of the same level (or the end). */
    private static List<String> section(List<String> page, String heading) {
        int start = page.indexOf(heading);
        assertThat(start).as("docs/reference/extensions.md has a section " + heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = start + 1;
        while (end < page.size() && !page.get(end).startsWith(level)) {
            end++;
        }
        return page.subList(start + 1, end);
    }

    /** The first column of a table's rows, when it is a code span. */
    private static List<String> tableNames(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher m = ROW_NAME.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Library name to its functions' names (overloads once), from the {@code ### lib} tables. */
    private static Map<String, List<String>> functions(List<String> lines) {
        Map<String, List<String>> libraries = new LinkedHashMap<>();
        List<String> names = null;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                names = new ArrayList<>();
                libraries.put(line.substring(4).strip(), names);
            } else if (names != null) {
                Matcher m = ROW_NAME.matcher(line);
                if (m.find()) {
                    String signature = m.group(1);
                    int paren = signature.indexOf('(');
                    String name = paren < 0 ? signature : signature.substring(0, paren);
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return libraries;
    }

    /** Every code span of every level-3 heading of docs/sql/*.md. */
    private static Set<String> headingSpans() throws IOException {
        Path dir = root().resolve("docs/sql");
        List<String> headings = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    headings.addAll(Files.readAllLines(page, StandardCharsets.UTF_8));
                }
            }
        }
        return spansOf(headings);
    }

    private static Set<String> spansOf(List<String> lines) {
        Set<String> spans = new LinkedHashSet<>();
        boolean inFence = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("### ")) {
                Matcher m = CODE_SPAN.matcher(line);
                while (m.find()) {
                    spans.add(m.group(1).strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return spans;
    }

    private static List<String> missing(List<String> names, Set<String> spans) {
        return names.stream().filter(n -> !spans.contains(n.toLowerCase(Locale.ROOT))).toList();
    }

    private static boolean documentsFunction(Set<String> spans, String library, String name) {
        for (String span : spans) {
            Matcher m = FUNCTION_SPAN.matcher(span);
            if (m.matches() && m.group(2).equalsIgnoreCase(name)
                    && (m.group(1) == null || m.group(1).equalsIgnoreCase(library))) {
                return true;
            }
        }
        return false;
    }
}
