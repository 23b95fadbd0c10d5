package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.QueryResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On-demand queries (SQL.md 3.6) through {@link AppRuntime#query(String)}. */
class OnDemandQueryTest {
    private static final String APP = "CREATE STREAM In (sym STRING, price DOUBLE, vol INT);\n"
            + "CREATE TABLE T (sym STRING PRIMARY KEY, price DOUBLE, vol INT) WITH ('index' = 'vol');\n"
            + "UPSERT INTO T SELECT sym, price, vol FROM In ON T.sym = In.sym;\n";

    private EventFluxRuntime runtime;
    private AppRuntime app;

    @BeforeEach
    void deploy() throws CompileException {
        runtime = RealBundles.runtime();
        app = runtime.deploy(APP, DeployOptions.playback());
        send(1, "a", 10.0, 1);
        send(2, "b", 20.0, 2);
        send(3, "c", 30.0, 2);
        send(4, "a", 15.0, 3);
    }

    private void send(long ts, Object... data) {
        app.inputHandler("In").send(ts, data);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private List<List<Object>> rows(String sql) throws CompileException {
        return app.query(sql).rowLists();
    }

    @Test
    void selectsRowsByKeyIndexAndScan() throws CompileException {
        QueryResult all = app.query("SELECT * FROM T;");
        assertThat(all.schema().names()).containsExactly("sym", "price", "vol");
        assertThat(all.rowLists()).containsExactly(List.of("a", 15.0, 3), List.of("b", 20.0, 2), List.of("c", 30.0, 2));
        assertThat(rows("SELECT price FROM T WHERE sym = 'a'")).containsExactly(List.of(15.0));
        assertThat(rows("SELECT sym FROM T WHERE vol = 2")).containsExactly(List.of("b"), List.of("c"));
        assertThat(rows("SELECT sym FROM T WHERE price * 2 > 35 AND vol < 3")).containsExactly(List.of("b"),
                List.of("c"));
    }

    @Test
    void aggregatesOrderAndLimit() throws CompileException {
        assertThat(rows("SELECT vol, sum(price) AS total, count() AS n FROM T GROUP BY vol ORDER BY vol DESC"))
                .containsExactly(List.of(3, 15.0, 1L), List.of(2, 50.0, 2L));
        assertThat(rows("SELECT sym FROM T ORDER BY price DESC LIMIT 2")).containsExactly(List.of("c"), List.of("b"));
        assertThat(rows("SELECT sym FROM T WHERE sym = 'zz'")).isEmpty();
    }

    @Test
    void seesLaterChanges() throws CompileException {
        send(5, "d", 1.0, 9);
        assertThat(rows("SELECT sym, price FROM T WHERE vol = 9")).containsExactly(List.of("d", 1.0));
    }

    @Test
    void compileErrorsHaveLineAndColumn() {
        CompileException e = catchThrowableOfType(CompileException.class, () -> app.query("SELECT prise FROM T;"));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.getMessage()).contains("unknown attribute 'prise'").contains("price");
        assertThatThrownBy(() -> app.query("SELECT * FROM In;")).isInstanceOf(CompileException.class)
                .hasMessageContaining("on-demand queries read tables, and 'In' is a stream");
        assertThatThrownBy(() -> app.query("INSERT INTO X SELECT * FROM T;")).isInstanceOf(CompileException.class)
                .hasMessageContaining("one SELECT ... FROM <table>");
    }
}
