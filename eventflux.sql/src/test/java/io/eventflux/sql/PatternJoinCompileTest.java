package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pattern as the first input of a join (SQL.md 3.5): its schema, window, conditions and errors. */
class PatternJoinCompileTest {
    private static final String DEFS = "CREATE STREAM A (k STRING, x INT);\nCREATE STREAM B (k STRING, y LONG);\n"
            + "CREATE TABLE T (k STRING, v INT);\n";

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private QueryPlan query(String sql) {
        try {
            return compiler.compile(DEFS + sql).queries().get(0);
        } catch (CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private CompileError error(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(DEFS + sql));
        assertThat(e).as("expected a compile error for %s", sql).isNotNull();
        return e.errors().get(0);
    }

    @Test
    void thePatternInputHasTheFlattenedMatchAsItsSchema() {
        QueryPlan q = query("SELECT p.e1_x AS x, v FROM PATTERN (EVERY e1=A -> NOT B[y < 0] AND e2=B[y > e1.x]) "
                + "WITHIN 2 SECONDS AS p JOIN T ON p.e1_k = T.k WHERE p.e2_y > 3;");
        JoinInput join = (JoinInput) q.input();
        JoinInput.Input p = join.inputs().get(0);
        assertThat(p.kind()).isEqualTo(JoinInput.Kind.PATTERN);
        assertThat(p.alias()).isEqualTo("p");
        assertThat(p.window()).isNull();
        // the absent element has no columns
        assertThat(p.schema().attributes()).containsExactly(new Attribute("e1_k", AttributeType.STRING),
                new Attribute("e1_x", AttributeType.INT), new Attribute("e2_k", AttributeType.STRING),
                new Attribute("e2_y", AttributeType.LONG));
        PatternInput pattern = p.pattern();
        assertThat(pattern.sequence()).isFalse();
        assertThat(pattern.withinMillis()).isEqualTo(2000);
        assertThat(pattern.elements()).hasSize(3);
        assertThat(pattern.filter()).isNull();
        assertThat(join.inputs().get(1).kind()).isEqualTo(JoinInput.Kind.TABLE);
        assertThat(join.joins().get(0).on()).isEqualTo(new TypedExpr.Binary(TypedExpr.BinaryOp.EQ,
                new TypedExpr.AttributeRef(0, 0, "e1_k", AttributeType.STRING),
                new TypedExpr.AttributeRef(1, 0, "k", AttributeType.STRING), AttributeType.BOOL));
        // WHERE is over the joined rows
        assertThat(((TypedExpr.Binary) join.filter()).left())
                .isEqualTo(new TypedExpr.AttributeRef(0, 3, "e2_y", AttributeType.LONG));
        assertThat(q.selector().outputSchema().attributes()).extracting(Attribute::name).containsExactly("x", "v");
    }

    @Test
    void unaliasedElementsAreNamedAfterTheirStreamAndSequencesWindowsAndUnidirectionalAreKept() {
        QueryPlan q = query("SELECT * FROM SEQUENCE (A -> B) AS s WINDOW('length', 2) UNIDIRECTIONAL "
                + "JOIN B WINDOW('length', 3) ON s.A_k = B.k;");
        JoinInput.Input s = ((JoinInput) q.input()).inputs().get(0);
        assertThat(s.pattern().sequence()).isTrue();
        assertThat(s.window().type()).isEqualTo("length");
        assertThat(s.unidirectional()).isTrue();
        assertThat(q.selector().outputSchema().attributes()).extracting(Attribute::name)
                .containsExactly("A_k", "A_x", "B_k", "B_y", "k", "y");
    }

    @Test
    void anUnknownColumnOfThePatternInputSuggestsTheFlattenedName() {
        CompileError e = error("SELECT p.e1_z FROM PATTERN (e1=A -> e2=B) AS p JOIN T ON p.e1_k = T.k;");
        assertThat(e.message()).isEqualTo("unknown attribute 'e1_z' in stream 'p'");
        assertThat(e.suggestion()).isEqualTo("did you mean 'e1_k'?");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 8);
    }

    @Test
    void elementReferencesAreNotVisibleOutsideThePattern() {
        CompileError e = error("SELECT e1.x FROM PATTERN (e1=A -> e2=B) AS p JOIN T ON p.e1_k = T.k;");
        assertThat(e.message()).isEqualTo("unknown stream or alias 'e1'");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 8);
    }

    @Test
    void twoElementsWithTheSameNameWouldClash() {
        CompileError e = error("SELECT p.A_x FROM PATTERN (A -> A) AS p JOIN T ON p.A_k = T.k;");
        assertThat(e.message()).isEqualTo("pattern input 'p' has two elements named 'A': its columns would clash");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 19);
    }

    @Test
    void aPatternMustBeTheFirstInput() {
        CompileError e = error("SELECT x FROM B JOIN PATTERN (e1=A -> e2=B) AS p ON p.e1_k = B.k;");
        assertThat(e.message()).isEqualTo("a pattern must be the first input of a join");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 22);
    }

    @Test
    void errorsInsideThePatternAreReportedWithTheirPosition() {
        CompileError e = error("SELECT p.e1_x FROM PATTERN (e1=A -> e2=C) AS p JOIN T ON p.e1_k = T.k;");
        assertThat(e.message()).isEqualTo("unknown stream 'C'");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 40);
        CompileError filter = error("SELECT p.e1_x FROM PATTERN (e1=A -> e2=B[z > 1]) AS p JOIN T ON p.e1_k = T.k;");
        assertThat(filter.message()).contains("'z'");
        assertThat(filter.line()).isEqualTo(4);
    }

    @Test
    void aPatternInputNeedsAJoinAndAnAlias() {
        assertThat(error("SELECT p.e1_x FROM PATTERN (e1=A -> e2=B) AS p;").message()).startsWith("syntax error");
        assertThat(error("SELECT x FROM PATTERN (e1=A -> e2=B) JOIN T ON T.k = 'a';").message())
                .startsWith("syntax error");
    }
}
