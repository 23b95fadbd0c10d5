package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/quickstart.md (and docs/sql-reference.md, docs/migration.md, written the same way), run as a
 * reader runs it: every {@code ```sh} block in order, verbatim, in one bash
 * session, in an empty folder that holds links to the repository's {@code eventflux} script and
 * {@code examples/} folder (the script follows the link to the built eventflux.jar); what each block prints
 * on standard output must be the {@code ```text} block that follows it ({@code <word>} there matches any
 * value: a time, a duration). {@code ```sh no-test} blocks (the build) are skipped: the jar is built.
 */
class QuickstartJarIT {
    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-zA-Z]+>");
    private static final String MARKER = "@@quickstart-block-";

    @TempDir
    Path dir;

    /** The pages run: the quick start, the migration notes, the SQL reference and every page under docs/sql/. */
    static List<String> pages() throws IOException {
        List<String> pages = new ArrayList<>(List.of("docs/quickstart.md", "docs/sql-reference.md", "docs/migration.md"));
        Path sql = root().resolve("docs/sql");
        if (Files.isDirectory(sql)) {
            try (var files = Files.list(sql)) {
                files.map(f -> "docs/sql/" + f.getFileName()).filter(f -> f.endsWith(".md")).sorted()
                        .forEach(pages::add);
            }
        }
        return pages;
    }

    private static Path root() {
        return Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyCommandOfThePagePrintsWhatThePageShows(String page) throws Exception {
        runPage(page, dir);
    }

    /** Runs the sh blocks of a page (a path under the repository) in a work folder under dir, as described above. */
    static void runPage(String page, Path dir) throws Exception {
        Path root = root();
        List<Block> blocks = blocks(Files.readAllLines(root.resolve(page)));
        assertThat(blocks.stream().filter(b -> b.expected != null)).as("sh blocks of " + page
                + " with an expected output").hasSizeGreaterThan(1);

        Path work = Files.createDirectory(dir.resolve("work"));
        Files.createSymbolicLink(work.resolve("eventflux"), root.resolve("eventflux"));
        Files.createSymbolicLink(work.resolve("examples"), root.resolve("examples"));
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            script.append("printf '\\n%s\\n' '").append(MARKER).append(i).append("@@'\n");
            script.append(blocks.get(i).commands).append('\n');
        }
        script.append("printf '\\n%s\\n' '").append(MARKER).append("end@@'\n");
        Path scriptFile = dir.resolve("quickstart.sh");
        Files.writeString(scriptFile, script);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");

        Process bash = new ProcessBuilder("bash", scriptFile.toString()).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished;
        try {
            finished = bash.waitFor(5, TimeUnit.MINUTES);
        } finally {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String context = "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + Files.readString(err)
                + "\n--- server.log ---\n" + readIfThere(work.resolve("server.log"));
        assertThat(finished).as("the commands of " + page + " end within 5 minutes" + context).isTrue();

        List<String> outputs = split(stdout, blocks.size());
        assertThat(outputs).as("every block ran" + context).hasSize(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.expected != null) {
                assertMatches(page, block, outputs.get(i), context);
            }
        }
    }

    /** The sh blocks, each with the text block that follows it before the next sh block, if any. */
    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i).strip());
            if (!fence.matches()) {
                continue;
            }
            String info = fence.group(1).strip();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            String body = String.join("\n", lines.subList(i + 1, Math.min(end, lines.size())));
            if (info.equals("sh")) {
                blocks.add(new Block(body, i + 1));
            } else if (info.equals("text") && !blocks.isEmpty() && blocks.get(blocks.size() - 1).expected == null) {
                blocks.get(blocks.size() - 1).expected = body;
            }
            i = end;
        }
        return blocks;
    }

    private static List<String> split(String stdout, int count) {
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = stdout.indexOf(MARKER + i + "@@");
            String next = MARKER + (i + 1 < count ? String.valueOf(i + 1) : "end") + "@@";
            int end = stdout.indexOf(next);
            if (start < 0 || end < 0) {
                break;
            }
            outputs.add(stdout.substring(stdout.indexOf('\n', start) + 1, end).strip());
        }
        return outputs;
    }

    private static void assertMatches(String page, Block block, String actual, String context) {
        List<String> expected = block.expected.strip().lines().toList();
        List<String> got = actual.lines().toList();
        String what = "the output of the sh block at " + page + " line " + block.line + ":\n"
                + block.commands + "\n--- expected ---\n" + block.expected + "\n--- got ---\n" + actual;
        assertThat(got).as(what + context).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(got.get(i)).as(what + context).matches(lineRegex(expected.get(i)));
        }
    }

    /** The expected line as a regular expression: literal text, {@code <word>} matching any value. */
    static String lineRegex(String expected) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expected);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(at, m.start()))).append(".+?");
            at = m.end();
        }
        return regex.append(Pattern.quote(expected.substring(at))).toString();
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }

    /** An sh block: its commands, the line of its fence, the output the page shows for it (or null). */
    static final class Block {
        final String commands;
        final int line;
        String expected;

        Block(String commands, int line) {
            this.commands = commands;
            this.line = line;
        }
    }
}
