package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.OutputPlan;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.RateLimitPlan;
import io.eventflux.sql.plan.StreamInput;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL of every public conformance case (../shared/conformance/cases), copied verbatim. */
class ConformanceCasesTest {
    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    @Test
    void case01FilterProjection() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM StockStream (symbol STRING, price DOUBLE, volume LONG);
                INSERT INTO HighPrice SELECT symbol, price * 2 AS doubled FROM StockStream WHERE price > 50;
                """);
        QueryPlan q = plan.queries().get(0);
        assertThat(q.selector().outputSchema().toString()).contains("symbol STRING", "doubled DOUBLE");
        assertThat(((StreamInput) q.input()).filter().type()).isEqualTo(AttributeType.BOOL);
        assertThat(plan.stream("HighPrice")).isPresent();
    }

    @Test
    void case02LengthWindowAvg() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                INSERT INTO Out SELECT symbol, avg(price) AS avgPrice, count() AS n FROM S WINDOW('length', 2);
                """);
        QueryPlan q = plan.queries().get(0);
        StreamInput in = (StreamInput) q.input();
        assertThat(in.window().type()).isEqualTo("length");
        assertThat(in.window().definition().isBatch()).isFalse();
        assertThat(in.window().arguments().get(0).value()).isEqualTo(2);
        assertThat(q.selector().outputSchema().attributes()).extracting(a -> a.name() + " " + a.type())
                .containsExactly("symbol STRING", "avgPrice DOUBLE", "n LONG");
        assertThat(q.selector().aggregates()).hasSize(2);
        assertThat(q.selector().aggregates().get(1).argument()).isNull();
    }

    @Test
    void case03LengthBatchSum() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM S (v LONG);
                INSERT INTO Out SELECT sum(v) AS total, count() AS n FROM S WINDOW('lengthBatch', 3);
                """);
        QueryPlan q = plan.queries().get(0);
        assertThat(((StreamInput) q.input()).window().definition().isBatch()).isTrue();
        assertThat(q.selector().outputSchema().attributes()).extracting(a -> a.type())
                .containsExactly(AttributeType.LONG, AttributeType.LONG);
    }

    @Test
    void case04TumblingGroupBy() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM Trades (symbol STRING, volume LONG);
                INSERT INTO Totals
                SELECT symbol, sum(volume) AS total
                FROM Trades WINDOW('tumbling', 1 SECOND)
                GROUP BY symbol;
                """);
        QueryPlan q = plan.queries().get(0);
        StreamInput in = (StreamInput) q.input();
        assertThat(in.window().arguments().get(0).value()).isEqualTo(1000L);
        assertThat(in.window().arguments().get(0).isDuration()).isTrue();
        assertThat(q.selector().groupBy()).hasSize(1);
    }

    @Test
    void case05PatternCompilesToAStateMachinePlan() throws Exception {
        AppPlan plan = compiler.compile("""
                CREATE STREAM Temp (room INT, temp DOUBLE);
                INSERT INTO Alerts
                SELECT e1.room AS room, e1.temp AS first, e2.temp AS second
                FROM PATTERN (EVERY e1=Temp[temp > 30] -> e2=Temp[room = e1.room AND temp > e1.temp]) WITHIN 10 SECONDS;
                """);
        PatternInput in = (PatternInput) plan.queries().get(0).input();
        assertThat(in.sequence()).isFalse();
        assertThat(in.withinMillis()).isEqualTo(10_000L);
        assertThat(in.elements()).extracting(PatternInput.Element::alias).containsExactly("e1", "e2");
        assertThat(in.root()).isEqualTo(new PatternInput.FollowedBy(List.of(
                new PatternInput.Every(new PatternInput.Step(0)), new PatternInput.Step(1))));
        // e2's filter reads its own event (input 1) and e1 (input 0)
        assertThat(in.elements().get(1).filter().toString()).contains("AttributeRef[input=1, index=0")
                .contains("AttributeRef[input=0, index=0");
        assertThat(plan.queries().get(0).selector().columns().get(2).expression())
                .isEqualTo(new TypedExpr.AttributeRef(1, 1, "temp", AttributeType.DOUBLE));
    }

    @Test
    void case06TableJoin() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM Orders (orderId STRING, userId STRING, amount DOUBLE);
                CREATE STREAM Users (userId STRING, name STRING);
                CREATE TABLE UserTable (userId STRING PRIMARY KEY, name STRING);
                INSERT INTO UserTable SELECT userId, name FROM Users;
                INSERT INTO Enriched
                SELECT o.orderId AS orderId, u.name AS name, o.amount AS amount
                FROM Orders AS o JOIN UserTable AS u ON o.userId = u.userId;
                """);
        assertThat(plan.tables()).hasSize(1);
        assertThat(plan.tables().get(0).primaryKey()).containsExactly("userId");
        assertThat(plan.queries().get(0).output().target()).isEqualTo("UserTable");
        io.eventflux.sql.plan.JoinInput join = (io.eventflux.sql.plan.JoinInput) plan.queries().get(1).input();
        assertThat(join.inputs().get(1).kind()).isEqualTo(io.eventflux.sql.plan.JoinInput.Kind.TABLE);
        assertThat(plan.stream("UserTable")).isEmpty();
    }

    @Test
    void case07GroupHavingOrderLimit() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM In (a INT, b INT);
                INSERT INTO Out SELECT b, sum(a) AS s FROM In GROUP BY b HAVING sum(a) > 5 ORDER BY b DESC LIMIT 2 OFFSET 1;
                """);
        QueryPlan q = plan.queries().get(0);
        assertThat(q.selector().aggregates()).hasSize(1); // HAVING's sum(a) shares the column's slot
        assertThat(q.selector().orderBy().get(0).descending()).isTrue();
        assertThat(q.selector().limit()).isEqualTo(2L);
        assertThat(q.selector().offset()).isEqualTo(1L);
        assertThat(q.selector().outputSchema().attributes()).extracting(a -> a.type())
                .containsExactly(AttributeType.INT, AttributeType.LONG);
    }

    @Test
    void case08SuggestsTheNearestAttribute() {
        assertThatThrownBy(() -> compiler.compile("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                INSERT INTO Out SELECT symbol, pricee FROM S;
                """))
                .isInstanceOf(CompileException.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "line 2, column 32: unknown attribute 'pricee' in stream 'S' (did you mean 'price'?)",
                        "  INSERT INTO Out SELECT symbol, pricee FROM S;",
                        "                                 ^~~~~~"));
    }

    @Test
    void case09PartitionSum() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM Trades (symbol STRING, volume LONG);
                PARTITION WITH (symbol OF Trades)
                BEGIN
                  INSERT INTO Totals SELECT symbol, sum(volume) AS total FROM Trades;
                END;
                """);
        assertThat(plan.queries()).isEmpty();
        assertThat(plan.partitions()).hasSize(1);
        assertThat(plan.partitions().get(0).queries()).extracting(q -> q.output().target()).containsExactly("Totals");
        assertThat(plan.stream("Totals")).isPresent();
    }

    @Test
    void case10OutputLastEvery3() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE STREAM In (v INT);
                INSERT INTO Out SELECT v FROM In OUTPUT LAST EVERY 3 EVENTS;
                """);
        OutputPlan out = plan.queries().get(0).output();
        assertThat(out.rateLimit()).isEqualTo(new RateLimitPlan(RateLimitPlan.Mode.LAST, 3, 0));
        assertThat(out.events()).isEqualTo(OutputPlan.EventSelection.CURRENT);
    }
}
