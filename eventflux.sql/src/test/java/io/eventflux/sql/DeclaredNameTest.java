package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.CompileException;
import org.junit.jupiter.api.Test;

/** The name a script declares, read without compiling it: the same name the compile gives the plan. */
class DeclaredNameTest {
    @Test
    void theDeclaredNameIsThePlansName() throws CompileException {
        String[] scripts = {
            "@app:name('Orders')\nCREATE STREAM S (a INT);",
            "@APP : name ( 'It''s' )\nCREATE STREAM S (a INT); INSERT INTO T SELECT a FROM S;",
            "-- @app:name('Old')\n@app:name('New') @app:playback('true')\nCREATE STREAM S (a INT);",
            "@app:name('First')\nCREATE STREAM S (a INT);\n@app:name('Second')\nCREATE STREAM T (a INT);",
            "CREATE STREAM S (a INT); -- no name",
        };
        for (String sql : scripts) {
            assertThat(SqlCompiler.declaredName(sql)).as(sql)
                    .isEqualTo(new SqlCompiler(new TestCatalog()).compile(sql).name());
        }
        assertThat(SqlCompiler.declaredName(scripts[1])).isEqualTo("It's");
        assertThat(SqlCompiler.declaredName(scripts[4])).isNull();
    }

    @Test
    void aScriptThatDoesNotCompileStillHasItsNameWhenItParses() throws CompileException {
        // unknown window and stream: the analysis fails, the parse does not
        assertThat(SqlCompiler.declaredName(
                "@app:name('Waiting')\nCREATE STREAM S (a INT);\nINSERT INTO T SELECT a FROM S WINDOW('nope', 1);"))
                .isEqualTo("Waiting");
    }

    @Test
    void aSyntaxErrorIsReportedAsTheCompileReportsIt() {
        String sql = "@app:name('Bad')\nCREATE STREAM S (a INT;";
        CompileException parse = null;
        try {
            SqlCompiler.declaredName(sql);
        } catch (CompileException e) {
            parse = e;
        }
        assertThat(parse).isNotNull();
        assertThatThrownBy(() -> new SqlCompiler(new TestCatalog()).compile(sql)).isInstanceOf(CompileException.class)
                .hasMessage(parse.getMessage());
    }
}
