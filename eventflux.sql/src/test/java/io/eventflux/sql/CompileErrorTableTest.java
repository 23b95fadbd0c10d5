package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table of compile errors in {@code compile-errors.txt}: for each case the first error's line, column,
 * message and suggestion, and the rendered message's source line with the caret under the offending fragment.
 */
class CompileErrorTableTest {
    private static final String TRADES = "CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);";
    private static final String NL = System.lineSeparator();

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    record Case(int line, int column, String fragment, String message, String suggestion, String sql) {
        String title() {
            return line + ":" + column + " " + message;
        }
    }

    @Test
    void everyErrorOfTheTableNamesItsPlaceShowsACaretAndItsSuggestion() throws IOException {
        List<Case> cases = cases();
        List<String> failures = new ArrayList<>();
        Set<String> messages = new HashSet<>();
        for (Case c : cases) {
            CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(c.sql()));
            if (e == null) {
                failures.add(c.title() + ": compiles");
                continue;
            }
            CompileError error = e.errors().get(0);
            messages.add(error.message());
            String problem = check(c, error, e.getMessage());
            if (problem != null) {
                failures.add(c.title() + ": " + problem + NL + e.getMessage() + NL + "  suggestion: "
                        + error.suggestion());
            }
        }
        assertThat(failures).as("cases that fail").isEmpty();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(messages).as("distinct messages").hasSizeGreaterThanOrEqualTo(30);
    }

    private static String check(Case c, CompileError error, String rendered) {
        if (error.line() != c.line() || error.column() != c.column()) {
            return "at " + error.line() + ":" + error.column();
        }
        if (!error.message().contains(c.message())) {
            return "message '" + error.message() + "'";
        }
        if (c.suggestion() == null ? error.suggestion() != null
                : error.suggestion() == null || !error.suggestion().contains(c.suggestion())) {
            return "suggestion '" + error.suggestion() + "'";
        }
        String sourceLine = c.sql().lines().toList().get(c.line() - 1);
        int width = c.fragment().equals("^") ? 1 : c.fragment().length();
        if (!c.fragment().equals("^") && !sourceLine.startsWith(c.fragment(), c.column() - 1)) {
            return "the table's fragment '" + c.fragment() + "' is not at column " + c.column();
        }
        String caret = "  " + " ".repeat(c.column() - 1) + "^" + "~".repeat(width - 1);
        List<String> lines = rendered.lines().toList();
        if (lines.size() < 3 || !lines.get(0).equals(error.format()) || !lines.get(1).equals("  " + sourceLine)
                || !lines.get(2).equals(caret)) {
            return "rendered without the expected caret line" + NL + caret;
        }
        return null;
    }

    private static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = CompileErrorTableTest.class.getResourceAsStream("/compile-errors.txt")) {
            assertThat(in).as("compile-errors.txt").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] header = null;
        StringBuilder sql = new StringBuilder();
        for (String line : (text + "\n=== end").lines().toList()) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("=== ")) {
                if (header != null) {
                    String[] at = header[0].split(":");
                    cases.add(new Case(Integer.parseInt(at[0]), Integer.parseInt(at[1]), header[1], header[2],
                            header[3].equals("-") ? null : header[3], sql.toString()));
                }
                header = line.substring(4).split(" \\| ");
                sql.setLength(0);
            } else {
                sql.append(line.equals("$T") ? TRADES : line).append('\n');
            }
        }
        return cases;
    }
}
