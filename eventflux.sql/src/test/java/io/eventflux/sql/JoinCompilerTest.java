package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Join analysis (SQL.md 3.4): inputs, windows per side, join types, ON and WHERE typing, and errors. */
class JoinCompilerTest {
    private static final String AB = "CREATE STREAM A (k STRING, x INT);\nCREATE STREAM B (k STRING, y LONG);\n";

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private QueryPlan query(String sql) {
        try {
            return compiler.compile(AB + sql).queries().get(0);
        } catch (CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private List<CompileError> errors(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(AB + sql));
        assertThat(e).as("expected a compile error for %s", sql).isNotNull();
        return e.errors();
    }

    @Test
    void joinPlanHasBothInputsWindowsTypeAndConditions() {
        QueryPlan q = query("INSERT INTO Out SELECT a.k AS k, x, y FROM A AS a WINDOW('length', 2) "
                + "LEFT JOIN B WINDOW('length', 3) UNIDIRECTIONAL ON a.k = B.k WHERE x > 1;");
        JoinInput join = (JoinInput) q.input();
        assertThat(join.inputs()).extracting(JoinInput.Input::name).containsExactly("A", "B");
        assertThat(join.inputs().get(0).alias()).isEqualTo("a");
        assertThat(join.inputs().get(0).window().type()).isEqualTo("length");
        assertThat(join.inputs().get(1).unidirectional()).isTrue();
        assertThat(join.joins().get(0).type()).isEqualTo(JoinInput.Type.LEFT_OUTER);
        TypedExpr.Binary on = (TypedExpr.Binary) join.joins().get(0).on();
        assertThat(on.op()).isEqualTo(TypedExpr.BinaryOp.EQ);
        assertThat(((TypedExpr.AttributeRef) on.left()).input()).isZero();
        assertThat(((TypedExpr.AttributeRef) on.right()).input()).isEqualTo(1);
        assertThat(join.filter()).isNotNull();
        TypedExpr y = q.selector().columns().get(2).expression();
        assertThat(y).isEqualTo(new TypedExpr.AttributeRef(1, 1, "y", io.eventflux.api.AttributeType.LONG));
    }

    @Test
    void threeInputsAndEveryJoinType() {
        QueryPlan q = query("CREATE STREAM C (z INT);\nSELECT x FROM A JOIN B ON A.k = B.k FULL OUTER JOIN C ON C.z = A.x;");
        JoinInput join = (JoinInput) q.input();
        assertThat(join.inputs()).hasSize(3);
        assertThat(join.joins()).extracting(JoinInput.Join::type)
                .containsExactly(JoinInput.Type.INNER, JoinInput.Type.FULL_OUTER);
        assertThat(((JoinInput) query("SELECT x FROM A RIGHT JOIN B ON A.k = B.k;").input()).joins().get(0).type())
                .isEqualTo(JoinInput.Type.RIGHT_OUTER);
    }

    @Test
    void ambiguousAttributeIsAnErrorWithAHint() {
        CompileError e = errors("SELECT k FROM A JOIN B ON A.k = B.k;").get(0);
        assertThat(e.message()).contains("attribute 'k' is ambiguous");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void onCannotReferToALaterInput() {
        List<CompileError> es = errors("CREATE STREAM C (z INT);\nSELECT x FROM A JOIN B ON C.z = 1 JOIN C ON A.x = C.z;");
        assertThat(es.get(0).message()).startsWith("unknown stream or alias 'C'");
    }

    @Test
    void onMustBeBoolean() {
        assertThat(errors("SELECT x FROM A JOIN B ON A.x;").get(0).message()).contains("ON");
    }

    @Test
    void twoUnidirectionalSidesAreAnError() {
        CompileError e = errors("SELECT x FROM A UNIDIRECTIONAL JOIN B UNIDIRECTIONAL ON A.k = B.k;").get(0);
        assertThat(e.message()).isEqualTo("only one input of a join can be UNIDIRECTIONAL");
    }

    @Test
    void unknownWindowOnASideIsReported() {
        assertThat(errors("SELECT x FROM A WINDOW('lenght', 2) JOIN B ON A.k = B.k;").get(0).message())
                .contains("lenght");
    }
}
