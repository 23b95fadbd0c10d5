package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileException;
import io.eventflux.api.extension.Argument;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.OutputPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.StreamInput;
import io.eventflux.sql.plan.TypedExpr;
import org.junit.jupiter.api.Test;

/** Semantic analysis: resolution, naming, typing, extensions, output streams. */
class CompilerTest {
    private static final String STREAMS = """
            CREATE STREAM S (symbol STRING, price DOUBLE, volume LONG, qty INT, f FLOAT, ok BOOL);
            """;

    private final TestCatalog catalog = new TestCatalog();
    private final SqlCompiler compiler = new SqlCompiler(catalog);

    private AppPlan compile(String sql) {
        try {
            return compiler.compile(sql);
        } catch (CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private QueryPlan query(String sql) {
        return compile(STREAMS + sql).queries().get(0);
    }

    private TypedExpr column(String expression) {
        return query("SELECT " + expression + " AS x FROM S;").selector().columns().get(0).expression();
    }

    private AttributeType type(String expression) {
        return column(expression).type();
    }

    // ------------------------------------------------------------------ typing

    @Test
    void arithmeticTyping() {
        assertThat(type("qty / 2")).isEqualTo(AttributeType.INT);
        assertThat(type("qty % 2")).isEqualTo(AttributeType.INT);
        assertThat(type("qty + volume")).isEqualTo(AttributeType.LONG);
        assertThat(type("qty * f")).isEqualTo(AttributeType.FLOAT);
        assertThat(type("volume - price")).isEqualTo(AttributeType.DOUBLE);
        assertThat(type("-qty")).isEqualTo(AttributeType.INT);
        assertThat(type("qty + NULL")).isEqualTo(AttributeType.INT);
    }

    @Test
    void literalTyping() {
        assertThat(column("1")).isEqualTo(new TypedExpr.Literal(1, AttributeType.INT));
        assertThat(column("3000000000")).isEqualTo(new TypedExpr.Literal(3_000_000_000L, AttributeType.LONG));
        assertThat(column("10L")).isEqualTo(new TypedExpr.Literal(10L, AttributeType.LONG));
        assertThat(column("1.5")).isEqualTo(new TypedExpr.Literal(1.5d, AttributeType.DOUBLE));
        assertThat(column("1.5f")).isEqualTo(new TypedExpr.Literal(1.5f, AttributeType.FLOAT));
        assertThat(column("'a'")).isEqualTo(new TypedExpr.Literal("a", AttributeType.STRING));
        assertThat(column("TRUE")).isEqualTo(new TypedExpr.Literal(true, AttributeType.BOOL));
        assertThat(column("-5")).isEqualTo(new TypedExpr.Literal(-5, AttributeType.INT));
        assertThat(column("5 SECONDS")).isEqualTo(new TypedExpr.Literal(5000L, AttributeType.LONG));
        assertThat(((TypedExpr.Literal) column("NULL")).value()).isNull();
    }

    @Test
    void predicatesAndConversionsArePlanNodes() {
        assertThat(column("price > 1 AND NOT ok")).isInstanceOf(TypedExpr.Binary.class);
        assertThat(type("price >= qty")).isEqualTo(AttributeType.BOOL);
        assertThat(column("symbol IS NOT NULL")).isEqualTo(new TypedExpr.IsNull(
                new TypedExpr.AttributeRef(0, 0, "symbol", AttributeType.STRING), true));
        assertThat(column("symbol NOT LIKE 'I%'")).isInstanceOf(TypedExpr.Like.class);
        assertThat(((TypedExpr.In) column("qty IN (1, 2, 3)")).values()).hasSize(3);
        assertThat(((TypedExpr.Between) column("price NOT BETWEEN 1 AND 10")).negated()).isTrue();
        assertThat(column("CAST(price AS INT)")).isEqualTo(new TypedExpr.Cast(
                new TypedExpr.AttributeRef(0, 1, "price", AttributeType.DOUBLE), AttributeType.INT));
        TypedExpr.Case simple = (TypedExpr.Case) column("CASE qty WHEN 1 THEN 1 WHEN 2 THEN 2.5 ELSE NULL END");
        assertThat(simple.type()).isEqualTo(AttributeType.DOUBLE);
        assertThat(simple.operand()).isNotNull();
        assertThat(type("CASE WHEN ok THEN 'y' ELSE 'n' END")).isEqualTo(AttributeType.STRING);
    }

    @Test
    void aggregatorResultTypesComeFromTheirDefinitions() {
        SelectorPlan s = query("""
                SELECT count() AS c, count(*) AS c2, sum(qty) AS si, sum(price) AS sd, avg(qty) AS a, min(symbol) AS m
                FROM S;""").selector();
        assertThat(s.outputSchema().attributes()).extracting(a -> a.type()).containsExactly(AttributeType.LONG,
                AttributeType.LONG, AttributeType.LONG, AttributeType.DOUBLE, AttributeType.DOUBLE,
                AttributeType.STRING);
        assertThat(s.aggregates()).hasSize(5); // count() and count(*) share a slot
        assertThat(s.columns().get(1).expression()).isEqualTo(new TypedExpr.AggregateRef(0, AttributeType.LONG));
        assertThat(s.isAggregating()).isTrue();
    }

    @Test
    void distinctAggregates() {
        SelectorPlan s = query("SELECT COUNT(DISTINCT symbol) AS n FROM S;").selector();
        assertThat(s.aggregates().get(0).name()).isEqualTo("distinctCount");
        assertThat(s.aggregates().get(0).argument()).isEqualTo(
                new TypedExpr.AttributeRef(0, 0, "symbol", AttributeType.STRING));
        query("SELECT SUM(DISTINCT volume) AS t FROM S;");
        assertThat(catalog.lastAggregator.name()).isEqualTo("SUM");
        assertThat(catalog.lastAggregator.distinct()).isTrue();
    }

    @Test
    void functionsResolveAcrossLibrariesOrByPrefix() {
        TypedExpr.FunctionCall upper = (TypedExpr.FunctionCall) column("UPPER(symbol)");
        assertThat(upper.library()).isEqualTo("string");
        assertThat(upper.name()).isEqualTo("upper");
        assertThat(upper.type()).isEqualTo(AttributeType.STRING);
        TypedExpr.FunctionCall round = (TypedExpr.FunctionCall) column("math:round(price, 2)");
        assertThat(round.library()).isEqualTo("math");
        assertThat(round.arguments()).hasSize(2);
        assertThat(catalog.lastFunction.arguments()).extracting(Argument::kind)
                .containsExactly(Argument.Kind.ATTRIBUTE, Argument.Kind.CONSTANT);
        assertThat(type("length(symbol) + 1")).isEqualTo(AttributeType.INT);
    }

    @Test
    void windowArgumentsReachTheFactory() {
        StreamInput in = (StreamInput) query("SELECT * FROM S WINDOW('time', 5 SECONDS);").input();
        Argument a = in.window().arguments().get(0);
        assertThat(a.isConstant()).isTrue();
        assertThat(a.isDuration()).isTrue();
        assertThat(a.value()).isEqualTo(5000L);
        assertThat(a.type()).isEqualTo(AttributeType.LONG);
        query("SELECT * FROM S WINDOW('length', 10, volume);");
        assertThat(catalog.lastWindow.arguments().get(1).attributeIndex()).isEqualTo(2);
        assertThat(catalog.lastWindow.input().name()).isEqualTo("S");
        query("SELECT * FROM S WINDOW('length', 10, volume * 2);");
        assertThat(catalog.lastWindow.arguments().get(1).kind()).isEqualTo(Argument.Kind.EXPRESSION);
        assertThat(catalog.lastWindow.arguments().get(0).isDuration()).isFalse();
    }

    // ------------------------------------------------------------------ names

    @Test
    void unaliasedColumnsKeepTheirNameOthersAreColNumbered() {
        SelectorPlan s = query("SELECT symbol, S.price, price * 2, upper(symbol) FROM S;").selector();
        assertThat(s.outputSchema().names()).containsExactly("symbol", "price", "_col_2", "_col_3");
        SelectorPlan star = query("SELECT s.*, price + 1 FROM S AS s;").selector();
        assertThat(star.outputSchema().names()).containsExactly("symbol", "price", "volume", "qty", "f", "ok",
                "_col_6");
    }

    @Test
    void groupHavingAndOrderByExpressionAliasOrQualifiedName() {
        SelectorPlan s = query("""
                SELECT symbol AS sym, price / 10 AS bucket, sum(volume) AS total FROM S
                GROUP BY sym, S.price / 10 HAVING total > 10 AND sum(volume) < 100 AND avg(price) > 1
                ORDER BY total DESC, sym, S.qty;""").selector();
        assertThat(s.groupBy()).containsExactly(
                new TypedExpr.AttributeRef(0, 0, "symbol", AttributeType.STRING),
                s.columns().get(1).expression());
        TypedExpr.Binary having = (TypedExpr.Binary) s.having();
        TypedExpr.Binary left = (TypedExpr.Binary) having.left();
        assertThat(((TypedExpr.Binary) left.left()).left()).isEqualTo(
                new TypedExpr.OutputRef(2, "total", AttributeType.LONG));
        assertThat(((TypedExpr.Binary) left.right()).left()).isEqualTo(
                new TypedExpr.AggregateRef(0, AttributeType.LONG));
        assertThat(s.aggregates()).hasSize(2); // avg(price) only used by HAVING gets its own slot
        assertThat(s.orderBy()).extracting(SelectorPlan.OrderKey::expression).containsExactly(
                new TypedExpr.OutputRef(2, "total", AttributeType.LONG),
                new TypedExpr.OutputRef(0, "sym", AttributeType.STRING),
                new TypedExpr.AttributeRef(0, 3, "qty", AttributeType.INT));
    }

    @Test
    void distinctIsPlanned() {
        assertThat(query("SELECT DISTINCT symbol FROM S;").selector().distinct()).isTrue();
    }

    // ------------------------------------------------------------------ streams and outputs

    @Test
    void implicitAndDefaultOutputStreams() {
        AppPlan plan = compile(STREAMS + """
                INSERT INTO Mid SELECT symbol, qty FROM S;
                INSERT EXPIRED EVENTS INTO Out2 SELECT qty * 2 AS q2 FROM Mid WINDOW('length', 2);
                SELECT symbol FROM Mid;
                """);
        assertThat(plan.streams()).extracting(StreamDef::name).containsExactly("S", "Mid", "Out2", "OutputStream");
        assertThat(plan.stream("Mid").orElseThrow().kind()).isEqualTo(StreamDef.Kind.IMPLICIT);
        assertThat(plan.queries().get(1).output().events()).isEqualTo(OutputPlan.EventSelection.EXPIRED);
        assertThat(plan.queries().get(2).output().target()).isEqualTo("OutputStream");
        assertThat(plan.queries()).extracting(QueryPlan::name).containsExactly("query-1", "query-2", "query-3");
        assertThat(plan.stream("Out2").orElseThrow().schema().toString()).contains("q2 INT");
    }

    @Test
    void insertIntoDeclaredStreamWidensNumbersAndUsesItsSchema() {
        AppPlan plan = compile(STREAMS + """
                CREATE STREAM Out (name STRING, amount DOUBLE);
                INSERT ALL EVENTS INTO Out SELECT symbol, qty FROM S;
                """);
        SelectorPlan s = plan.queries().get(0).selector();
        assertThat(s.outputSchema().names()).containsExactly("name", "amount");
        assertThat(s.columns().get(1).expression()).isEqualTo(new TypedExpr.Cast(
                new TypedExpr.AttributeRef(0, 3, "qty", AttributeType.INT), AttributeType.DOUBLE));
        assertThat(plan.queries().get(0).output().events()).isEqualTo(OutputPlan.EventSelection.ALL);
    }

    @Test
    void annotationsAndOptions() {
        AppPlan plan = compile("""
                @app:name('Shop')
                @app:statistics(reporter = 'console')
                CREATE STREAM S (a INT) WITH (type = 'source', 'extension' = 'timer', "timer.interval" = '${T:100}');
                @info(name = 'copy') INSERT INTO T SELECT a FROM S;
                """);
        assertThat(plan.name()).isEqualTo("Shop");
        assertThat(plan.options()).containsEntry("statistics.reporter", "console");
        assertThat(plan.stream("S").orElseThrow().options()).containsEntry("type", "source")
                .containsEntry("extension", "timer").containsEntry("timer.interval", "${T:100}");
        assertThat(plan.queries().get(0).name()).isEqualTo("copy");
    }

    @Test
    void rateLimitsAndPositions() {
        QueryPlan q = query("SELECT qty FROM S\nOUTPUT FIRST EVERY 2 SECONDS;");
        assertThat(q.output().rateLimit().millis()).isEqualTo(2000);
        assertThat(q.output().rateLimit().isTimeBased()).isTrue();
        assertThat(q.position().line()).isEqualTo(2);
        assertThat(q.position().column()).isEqualTo(1);
        assertThat(query("SELECT qty FROM S OUTPUT ALL EVERY 5 EVENTS;").output().rateLimit().events()).isEqualTo(5);
    }

    @Test
    void outputSnapshotEveryDurationCompiles() {
        QueryPlan q = query("SELECT symbol, sum(price) AS s FROM S WINDOW('time', 1 MINUTE) GROUP BY symbol "
                + "OUTPUT SNAPSHOT EVERY 5 SECONDS;");
        assertThat(q.output().rateLimit()).isEqualTo(new io.eventflux.sql.plan.RateLimitPlan(
                io.eventflux.sql.plan.RateLimitPlan.Mode.SNAPSHOT, 0, 5000));
    }

    @Test
    void queriesMayReadStreamsDeclaredLater() {
        AppPlan plan = compile("INSERT INTO Out SELECT a FROM Later;\nCREATE STREAM Later (a INT);");
        assertThat(plan.queries()).hasSize(1);
        assertThat(plan.streams()).extracting(StreamDef::name).containsExactly("Later", "Out");
    }

    @Test
    void emptyScriptCompilesToEmptyPlan() {
        assertThat(compile("-- nothing\n;").queries()).isEmpty();
        assertThat(compile("").streams()).isEmpty();
    }
}
