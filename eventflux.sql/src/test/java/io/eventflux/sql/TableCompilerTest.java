package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TableWritePlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table analysis (SQL.md 2, 3.6): definitions, INSERT INTO a table, UPDATE / DELETE / UPSERT and errors. */
class TableCompilerTest {
    private static final String T = "CREATE STREAM S (id STRING, price DOUBLE, n INT);\n"
            + "CREATE TABLE T (id STRING PRIMARY KEY, price DOUBLE, n LONG) WITH ('index' = 'price, n');\n";

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private AppPlan compile(String sql) {
        try {
            return compiler.compile(T + sql);
        } catch (CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private List<CompileError> errors(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(T + sql));
        assertThat(e).as("expected a compile error for %s", sql).isNotNull();
        return e.errors();
    }

    @Test
    void tableDefinitionWithKeyIndexesAndOptions() {
        TableDef t = compile("").tables().get(0);
        assertThat(t.primaryKey()).containsExactly("id");
        assertThat(t.indexes()).containsExactly("price", "n");
        assertThat(t.options()).containsEntry("index", "price, n");
        TableDef c = compile("CREATE TABLE C (a INT, b INT, PRIMARY KEY (a, b)) WITH ('extension' = 'jdbc');")
                .tables().get(1);
        assertThat(c.primaryKey()).containsExactly("a", "b");
        assertThat(c.options()).containsEntry("extension", "jdbc");
    }

    @Test
    void badKeyAndIndexColumnsAreErrors() {
        List<CompileError> es = errors("CREATE TABLE X (a INT, PRIMARY KEY (b)) WITH ('index' = 'aa');");
        assertThat(es).extracting(CompileError::message).containsExactly(
                "primary key column 'b' is not a column of table 'X'", "index column 'aa' is not a column of table 'X'");
    }

    @Test
    void insertIntoATableFitsTheColumns() {
        AppPlan plan = compile("INSERT INTO T SELECT id, price, n FROM S;");
        TypedExpr n = plan.queries().get(0).selector().columns().get(2).expression();
        assertThat(n.type()).isEqualTo(AttributeType.LONG); // INT widened to the column's LONG
        assertThat(plan.queries().get(0).selector().outputSchema().name()).isEqualTo("T");
        assertThat(errors("INSERT INTO T SELECT id FROM S;").get(0).message())
                .contains("produces 1 column(s)").contains("'T' has 3");
    }

    @Test
    void updatePlan() {
        TableWritePlan w = compile("UPDATE T SET price = S.price, n = S.n FROM S WHERE T.id = S.id;").tableWrites().get(0);
        assertThat(w.kind()).isEqualTo(TableWritePlan.Kind.UPDATE);
        assertThat(w.assignments()).extracting(TableWritePlan.Assignment::column).containsExactly(1, 2);
        assertThat(w.assignments().get(1).value()).isInstanceOf(TypedExpr.Cast.class);
        TypedExpr.Binary on = (TypedExpr.Binary) w.condition();
        assertThat(((TypedExpr.AttributeRef) on.left()).input()).isEqualTo(1);
        assertThat(((TypedExpr.AttributeRef) on.right()).input()).isZero();
    }

    @Test
    void deleteAndUpsertPlans() {
        AppPlan plan = compile("DELETE FROM T USING S WHERE T.id = S.id;\n"
                + "UPSERT INTO T SELECT id, price, n FROM S WHERE price > 0 ON T.id = S.id;");
        assertThat(plan.tableWrites()).extracting(TableWritePlan::kind)
                .containsExactly(TableWritePlan.Kind.DELETE, TableWritePlan.Kind.UPSERT);
        TableWritePlan upsert = plan.tableWrites().get(1);
        assertThat(upsert.row()).hasSize(3);
        assertThat(upsert.input().filter()).isNotNull();
    }

    @Test
    void tableChangeErrors() {
        assertThat(errors("UPDATE T SET nope = 1 FROM S WHERE T.id = S.id;").get(0).message())
                .isEqualTo("unknown column 'nope' in table 'T'");
        assertThat(errors("UPDATE T SET price = S.id FROM S;").get(0).message())
                .isEqualTo("a STRING value cannot be stored in column price DOUBLE");
        assertThat(errors("UPDATE S SET price = 1.0 FROM S;").get(0).message()).isEqualTo("'S' is a stream, not a table");
        assertThat(errors("DELETE FROM T WHERE T.id = 'a';").get(0).message()).startsWith("a table change needs a stream");
        assertThat(errors("UPSERT INTO T SELECT id FROM S ON T.id = S.id;").get(0).message())
                .contains("produces 1 column(s)");
        CompileError e = errors("UPDATE T SET price = 1.0 FROM S WHERE id = 'a';").get(0);
        assertThat(e.message()).contains("attribute 'id' is ambiguous");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aTableAloneCannotDriveAContinuousQuery() {
        CompileError e = errors("SELECT id FROM T;").get(0);
        assertThat(e.message()).isEqualTo("table 'T' cannot drive a continuous query");
        assertThat(errors("SELECT * FROM T AS a JOIN T AS b ON a.id = b.id;").get(0).message())
                .startsWith("a join needs at least one stream");
        assertThat(errors("SELECT S.id AS i FROM S JOIN T WINDOW('length', 2) ON S.id = T.id;").get(0).message())
                .isEqualTo("table 'T' cannot have a window");
    }
}
