package io.eventflux.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The caret rendering of a compile error under its source line. */
class CompileErrorRenderTest {
    private static final String NL = System.lineSeparator();
    private static final String SQL = "CREATE STREAM Stock (symbol STRING, price DOUBLE);\n"
            + "INSERT INTO Out SELECT * FROM Stok WHERE price > 10;\n";

    @Test
    void theCaretSpansTheOffendingName() {
        CompileError e = new CompileError(2, 31, "unknown stream 'Stok'", "Stok", "did you mean 'Stock'?");
        assertThat(e.render(SQL)).isEqualTo(String.join(NL,
                "line 2, column 31: unknown stream 'Stok' (did you mean 'Stock'?)",
                "  INSERT INTO Out SELECT * FROM Stok WHERE price > 10;",
                "                                ^~~~"));
    }

    @Test
    void aLoneCaretWhenTheNameIsNotAtTheColumnOrOnlyAPrefixOfAWord() {
        assertThat(new CompileError(2, 42, "WHERE needs a BOOL", "WHERE", null).render(SQL))
                .endsWith(NL + "  " + " ".repeat(41) + "^");
        assertThat(new CompileError(2, 31, "x", "Sto", null).render(SQL)).endsWith(" ^");
        assertThat(new CompileError(2, 31, "x", null, null).render(SQL)).endsWith(" ^");
    }

    @Test
    void quotedAndLibraryNamesAreCoveredWhole() {
        String sql = "SELECT math:upper(s) FROM T WINDOW('lenght', 5);";
        assertThat(new CompileError(1, 8, "x", "upper", null).render(sql).lines().toList().get(2))
                .isEqualTo("         ^~~~~~~~~~");
        assertThat(new CompileError(1, 36, "x", "lenght", null).render(sql).lines().toList().get(2))
                .isEqualTo("  " + " ".repeat(35) + "^" + "~".repeat(7)); // 'lenght' with its quotes
    }

    @Test
    void tabsKeepTheCaretAlignedAndCarriageReturnsAreDropped() {
        String sql = "CREATE STREAM S (a INT);\r\n\tSELECT b FROM S;\r\n";
        assertThat(new CompileError(2, 9, "unknown attribute 'b'", "b", null).render(sql).lines().toList())
                .containsExactly("line 2, column 9: unknown attribute 'b'", "  \tSELECT b FROM S;", "  \t       ^");
    }

    @Test
    void withoutSourceOrOutsideItOnlyTheFormat() {
        CompileError e = new CompileError(5, 1, "x", null, null);
        assertThat(e.render(null)).isEqualTo(e.format());
        assertThat(e.render(SQL)).isEqualTo(e.format());
        assertThat(new CompileError(1, 99, "x", null, null).render(SQL)).isEqualTo("line 1, column 99: x");
        assertThat(new CompileError(0, 0, "x", null, null).render(SQL)).isEqualTo("x");
    }

    @Test
    void theExceptionMessageRendersEveryErrorWhenItHasTheSource() {
        List<CompileError> errors = List.of(new CompileError(2, 31, "unknown stream 'Stok'", "Stok", null),
                new CompileError(2, 42, "bad", null, null));
        assertThat(new CompileException(errors, SQL).getMessage().lines()).hasSize(6);
        assertThat(new CompileException(errors).getMessage().lines()).hasSize(2);
    }
}
