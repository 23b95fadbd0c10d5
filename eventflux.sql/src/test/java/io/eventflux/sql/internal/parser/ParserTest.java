package io.eventflux.sql.internal.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileException;
import io.eventflux.sql.internal.ast.Annotation;
import io.eventflux.sql.internal.ast.Expr;
import io.eventflux.sql.internal.ast.Pattern;
import io.eventflux.sql.internal.ast.Script;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.internal.ast.TimeUnit;
import io.eventflux.sql.plan.OutputPlan.EventSelection;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every statement form of SQL.md parses to the expected AST shape. */
class ParserTest {
    private final SqlParser parser = new SqlParser();

    private Script parse(String sql) {
        try {
            return parser.parse(sql);
        } catch (CompileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private <T extends Statement> T single(String sql, Class<T> type) {
        Script script = parse(sql);
        assertThat(script.statements()).hasSize(1);
        return type.cast(script.statements().get(0));
    }

    private Select select(String sql) {
        return single(sql, Statement.Query.class).select();
    }

    private Expr expr(String expression) {
        return ((Select.Column) select("SELECT " + expression + " AS x FROM S").items().get(0)).expression();
    }

    // ------------------------------------------------------------------ DDL

    @Test
    void createStreamWithOptionsInEveryQuoting() {
        Statement.CreateStream s = single("""
                CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG, n INTEGER, f REAL, ok BOOLEAN,
                                      at TIMESTAMP, o OBJECT, v VARCHAR(20))
                WITH (type = 'source', 'extension' = 'kafka', "format" = "json", kafka.group.id = 'g',
                      error.retry.max-attempts = 3, async.enabled = true, json.mapping.price = '$.p');
                """, Statement.CreateStream.class);
        assertThat(s.name().text()).isEqualTo("Trades");
        assertThat(s.columns()).extracting(c -> c.name().text() + ":" + c.type().type()).containsExactly(
                "symbol:STRING", "price:DOUBLE", "volume:LONG", "n:INT", "f:FLOAT", "ok:BOOL", "at:LONG",
                "o:OBJECT", "v:STRING");
        assertThat(s.options()).extracting(o -> o.key() + "=" + o.value()).containsExactly("type=source",
                "extension=kafka", "format=json", "kafka.group.id=g", "error.retry.max-attempts=3",
                "async.enabled=true", "json.mapping.price=$.p");
        assertThat(s.pos()).isEqualTo(new SourcePosition(1, 1));
    }

    @Test
    void createTableWithColumnAndConstraintKeys() {
        Statement.CreateTable t = single("CREATE TABLE T (symbol STRING PRIMARY KEY, price DOUBLE)",
                Statement.CreateTable.class);
        assertThat(t.primaryKey()).extracting(i -> i.text()).containsExactly("symbol");
        Statement.CreateTable t2 = single("""
                CREATE TABLE T2 (a STRING, b INT, price DOUBLE, PRIMARY KEY (a, b))
                WITH ('extension' = 'jdbc', 'index' = 'price')""", Statement.CreateTable.class);
        assertThat(t2.primaryKey()).extracting(i -> i.text()).containsExactly("a", "b");
        assertThat(t2.columns()).hasSize(3);
        assertThat(t2.options()).extracting(o -> o.key()).containsExactly("extension", "index");
    }

    @Test
    void createTriggerInAllThreeForms() {
        Script s = parse("""
                CREATE TRIGGER T1 AT START;
                CREATE TRIGGER T2 AT EVERY 5 SECONDS;
                CREATE TRIGGER T3 AT CRON '*/5 * * * * *';
                """);
        assertThat(((Statement.CreateTrigger) s.statements().get(0)).schedule()).isEqualTo(new Statement.AtStart());
        assertThat(((Statement.CreateTrigger) s.statements().get(1)).schedule())
                .isEqualTo(new Statement.AtEvery(new io.eventflux.sql.internal.ast.Duration(5000, new SourcePosition(2, 28))));
        assertThat(((Statement.CreateTrigger) s.statements().get(2)).schedule())
                .isEqualTo(new Statement.AtCron("*/5 * * * * *"));
    }

    @Test
    void createAggregationWithRangeAndList() {
        Statement.CreateAggregation a = single("""
                CREATE AGGREGATION TradeAgg AS
                  SELECT symbol, sum(price) AS total, avg(price) AS avgPrice FROM Trades
                  GROUP BY symbol AGGREGATE BY ts EVERY SECONDS ... YEARS""", Statement.CreateAggregation.class);
        assertThat(a.timestamp().text()).isEqualTo("ts");
        assertThat(a.granularities()).containsExactly(TimeUnit.SECONDS, TimeUnit.MINUTES, TimeUnit.HOURS,
                TimeUnit.DAYS, TimeUnit.MONTHS, TimeUnit.YEARS);
        assertThat(a.select().groupBy()).hasSize(1);
        Statement.CreateAggregation b = single("""
                CREATE AGGREGATION A2 AS SELECT sum(price) AS t FROM Trades AGGREGATE EVERY SECONDS, MINUTES, HOURS""",
                Statement.CreateAggregation.class);
        assertThat(b.timestamp()).isNull();
        assertThat(b.granularities()).containsExactly(TimeUnit.SECONDS, TimeUnit.MINUTES, TimeUnit.HOURS);
        assertThat(b.options()).isEmpty();
        Statement.CreateAggregation c = single("""
                CREATE AGGREGATION A3 AS SELECT sum(price) AS t FROM Trades AGGREGATE EVERY SECONDS ... DAYS
                WITH ('store' = 'jdbc', 'retention.minutes' = '120')""", Statement.CreateAggregation.class);
        assertThat(c.options()).extracting(o -> o.key() + "=" + o.value())
                .containsExactly("store=jdbc", "retention.minutes=120");
    }

    // ------------------------------------------------------------------ queries

    @Test
    void insertEventSelections() {
        Script s = parse("""
                INSERT INTO A SELECT * FROM S;
                INSERT CURRENT EVENTS INTO B SELECT * FROM S;
                INSERT EXPIRED EVENTS INTO C SELECT * FROM S;
                INSERT ALL EVENTS INTO D SELECT * FROM S;
                SELECT * FROM S;
                """);
        assertThat(s.statements()).extracting(st -> {
            Statement.Insert i = ((Statement.Query) st).insert();
            return i == null ? "none" : i.target().text() + ":" + i.events();
        }).containsExactly("A:CURRENT", "B:CURRENT", "C:EXPIRED", "D:ALL", "none");
        assertThat(((Statement.Query) s.statements().get(3)).insert().events()).isEqualTo(EventSelection.ALL);
    }

    @Test
    void selectListForms() {
        Select s = select("SELECT DISTINCT *, t.*, price, price * 2 AS doubled, t.symbol FROM Trades AS t");
        assertThat(s.distinct()).isTrue();
        assertThat(s.items().get(0)).isEqualTo(new Select.Star(null, new SourcePosition(1, 17)));
        assertThat(((Select.Star) s.items().get(1)).qualifier().text()).isEqualTo("t");
        assertThat(((Select.Column) s.items().get(3)).alias().text()).isEqualTo("doubled");
        assertThat(((Select.Column) s.items().get(4)).expression())
                .isEqualTo(new Expr.Column("t", "symbol", new SourcePosition(1, 54)));
        assertThat(((Source.StreamSource) s.from()).alias().text()).isEqualTo("t");
    }

    @Test
    void allClauses() {
        Select s = select("""
                SELECT symbol, sum(price) AS total FROM S WINDOW('timeBatch', 1 MINUTE, 0)
                WHERE price > 0 GROUP BY symbol, price / 10 HAVING total > 5 ORDER BY total DESC, symbol ASC, price
                LIMIT 10 OFFSET 2 OUTPUT FIRST EVERY 5 SECONDS""");
        Source.StreamSource from = (Source.StreamSource) s.from();
        assertThat(from.window().type()).isEqualTo("timeBatch");
        assertThat(from.window().arguments()).hasSize(2);
        assertThat(from.window().arguments().get(0)).isInstanceOf(Expr.DurationLiteral.class);
        assertThat(((Expr.DurationLiteral) from.window().arguments().get(0)).millis()).isEqualTo(60_000);
        assertThat(s.where()).isInstanceOf(Expr.Binary.class);
        assertThat(s.groupBy()).hasSize(2);
        assertThat(s.having()).isInstanceOf(Expr.Binary.class);
        assertThat(s.orderBy()).extracting(Select.OrderItem::descending).containsExactly(true, false, false);
        assertThat(s.limit()).isEqualTo(10L);
        assertThat(s.offset()).isEqualTo(2L);
        assertThat(s.output()).isEqualTo(new Select.OutputRate(Select.OutputRate.Mode.FIRST, 0, 5000,
                new SourcePosition(3, 19)));
    }

    @Test
    void outputRateForms() {
        assertThat(select("SELECT * FROM S OUTPUT ALL EVERY 3 EVENTS").output().events()).isEqualTo(3);
        assertThat(select("SELECT * FROM S OUTPUT LAST EVERY 2 HOURS").output().millis()).isEqualTo(7_200_000);
        assertThat(select("SELECT * FROM S OUTPUT SNAPSHOT EVERY 100 MILLISECONDS").output().mode())
                .isEqualTo(Select.OutputRate.Mode.SNAPSHOT);
        assertThat(select("SELECT * FROM S OUTPUT ALL EVERY 250").output().millis()).isEqualTo(250);
    }

    @Test
    void windowAfterAliasOrBeforeIt() {
        Source.StreamSource a = (Source.StreamSource) select("SELECT * FROM S AS s WINDOW('length', 5)").from();
        Source.StreamSource b = (Source.StreamSource) select("SELECT * FROM S WINDOW('length', 5) AS s").from();
        assertThat(a.alias().text()).isEqualTo("s");
        assertThat(b.alias().text()).isEqualTo("s");
        assertThat(b.window().arguments()).containsExactly(new Expr.Literal(5, Expr.LiteralKind.INT,
                new SourcePosition(1, 34)));
    }

    // ------------------------------------------------------------------ joins

    @Test
    void joinTypes() {
        assertThat(joinType("JOIN")).isEqualTo(Source.JoinType.INNER);
        assertThat(joinType("INNER JOIN")).isEqualTo(Source.JoinType.INNER);
        assertThat(joinType("LEFT JOIN")).isEqualTo(Source.JoinType.LEFT_OUTER);
        assertThat(joinType("LEFT OUTER JOIN")).isEqualTo(Source.JoinType.LEFT_OUTER);
        assertThat(joinType("RIGHT JOIN")).isEqualTo(Source.JoinType.RIGHT_OUTER);
        assertThat(joinType("RIGHT OUTER JOIN")).isEqualTo(Source.JoinType.RIGHT_OUTER);
        assertThat(joinType("FULL JOIN")).isEqualTo(Source.JoinType.FULL_OUTER);
        assertThat(joinType("full outer join")).isEqualTo(Source.JoinType.FULL_OUTER);
    }

    private Source.JoinType joinType(String join) {
        return ((Source.Join) select("SELECT * FROM A " + join + " B ON A.k = B.k").from()).type();
    }

    @Test
    void chainedJoinWithWindowsAndUnidirectional() {
        Source from = select("""
                SELECT * FROM A AS a WINDOW('length', 10) UNIDIRECTIONAL
                JOIN B AS b WINDOW('time', 1 MINUTE) ON a.k = b.k
                LEFT OUTER JOIN C ON b.k = C.k""").from();
        Source.Join outer = (Source.Join) from;
        assertThat(outer.type()).isEqualTo(Source.JoinType.LEFT_OUTER);
        assertThat(outer.right().stream().text()).isEqualTo("C");
        Source.Join inner = (Source.Join) outer.left();
        Source.StreamSource a = (Source.StreamSource) inner.left();
        assertThat(a.unidirectional()).isTrue();
        assertThat(a.window().type()).isEqualTo("length");
        assertThat(inner.right().window().type()).isEqualTo("time");
        assertThat(inner.on()).isInstanceOf(Expr.Binary.class);
        Source.Join noOn = (Source.Join) select("SELECT * FROM A JOIN B").from();
        assertThat(noOn.on()).isNull();
    }

    @Test
    void aggregationJoin() {
        Source.Join j = (Source.Join) select("""
                SELECT a.total FROM Q JOIN TradeAgg AS a ON Q.k = a.k
                WITHIN '2026-01-01 00:00:00', '2026-02-01 00:00:00' PER 'days'""").from();
        assertThat(j.within().from()).isEqualTo(new Expr.Literal("2026-01-01 00:00:00", Expr.LiteralKind.STRING,
                new SourcePosition(2, 8)));
        assertThat(j.within().to()).isInstanceOf(Expr.Literal.class);
        assertThat(((Expr.Literal) j.within().per()).value()).isEqualTo("days");
    }

    @Test
    void aggregationReadOnDemand() {
        Source.AggregationSource a = (Source.AggregationSource) select("""
                SELECT * FROM TradeAgg AS t WITHIN 0, 1000 PER 'hours' WHERE t.total > 1""").from();
        assertThat(a.aggregation().text()).isEqualTo("TradeAgg");
        assertThat(a.alias().text()).isEqualTo("t");
        assertThat(((Expr.Literal) a.within().per()).value()).isEqualTo("hours");
        Source.StreamSource plain = (Source.StreamSource) select("SELECT * FROM S WHERE x > 1").from();
        assertThat(plain.stream().text()).isEqualTo("S");
    }

    // ------------------------------------------------------------------ patterns

    @Test
    void patternWithEveryFollowedByAndWithin() {
        Source.PatternSource p = (Source.PatternSource) select("""
                SELECT e1.room AS room, e1.temp AS first, e2.temp AS second
                FROM PATTERN (EVERY e1=Temp[temp > 30] -> e2=Temp[room = e1.room AND temp > e1.temp]) WITHIN 10 SECONDS
                """).from();
        assertThat(p.sequence()).isFalse();
        assertThat(p.within().millis()).isEqualTo(10_000L);
        Pattern.FollowedBy f = (Pattern.FollowedBy) p.pattern();
        assertThat(f.steps()).hasSize(2);
        Pattern.Every every = (Pattern.Every) f.steps().get(0);
        Pattern.StreamElement e1 = (Pattern.StreamElement) every.inner();
        assertThat(e1.reference().text()).isEqualTo("e1");
        assertThat(e1.stream().text()).isEqualTo("Temp");
        assertThat(e1.filter()).isInstanceOf(Expr.Binary.class);
        Pattern.StreamElement e2 = (Pattern.StreamElement) f.steps().get(1);
        assertThat(((Expr.Binary) e2.filter()).op()).isEqualTo(BinaryOp.AND);
    }

    @Test
    void patternCountsLogicAbsenceAndGroups() {
        Source.PatternSource p = (Source.PatternSource) select("""
                SELECT e1[0].price AS p0, e1[last].price AS pl, e1[last-1].price AS pl1, count(e1) AS n
                FROM PATTERN (e1=A[price > 10]{2,5} -> e2=B{3} -> e3=C{2,} -> (e4=D OR e5=E) -> e6=F AND e7=G
                              -> NOT H[v > 1] FOR 5 SECONDS -> EVERY (e8=I -> e9=J) -> NOT K AND e10=L)
                WITHIN 100 EVENTS""").from();
        assertThat(p.within().events()).isEqualTo(100L);
        List<Pattern> steps = ((Pattern.FollowedBy) p.pattern()).steps();
        assertThat(steps).hasSize(8);
        assertThat(((Pattern.StreamElement) steps.get(0)).quantifier()).isEqualTo(new Pattern.Quantifier(2, 5));
        assertThat(((Pattern.StreamElement) steps.get(1)).quantifier()).isEqualTo(new Pattern.Quantifier(3, 3));
        assertThat(((Pattern.StreamElement) steps.get(2)).quantifier()).isEqualTo(new Pattern.Quantifier(2, -1));
        assertThat(steps.get(3)).isInstanceOf(Pattern.Or.class);
        assertThat(steps.get(4)).isInstanceOf(Pattern.And.class);
        Pattern.Absent absent = (Pattern.Absent) steps.get(5);
        assertThat(absent.forDuration().millis()).isEqualTo(5000);
        assertThat(absent.filter()).isNotNull();
        assertThat(((Pattern.Every) steps.get(6)).inner()).isInstanceOf(Pattern.FollowedBy.class);
        Pattern.And notAnd = (Pattern.And) steps.get(7);
        assertThat(notAnd.left()).isInstanceOf(Pattern.Absent.class);
        List<Select.SelectItem> items = select("""
                SELECT e1[0].price AS p0, e1[last].price AS pl, e1[last-1].price AS pl1 FROM PATTERN (e1=A+)""")
                .items();
        assertThat(((Select.Column) items.get(0)).expression()).isEqualTo(new Expr.IndexedColumn("e1",
                Expr.EventIndex.at(0), "price", new SourcePosition(1, 8)));
        assertThat(((Expr.IndexedColumn) ((Select.Column) items.get(1)).expression()).index())
                .isEqualTo(Expr.EventIndex.last(0));
        assertThat(((Expr.IndexedColumn) ((Select.Column) items.get(2)).expression()).index())
                .isEqualTo(Expr.EventIndex.last(1));
    }

    @Test
    void sequenceWithKleeneOperators() {
        Source.PatternSource p = (Source.PatternSource) select(
                "SELECT * FROM SEQUENCE (e1=A+ -> e2=B* -> e3=C? -> e4=D) WITHIN 1 MINUTE").from();
        assertThat(p.sequence()).isTrue();
        List<Pattern> steps = ((Pattern.FollowedBy) p.pattern()).steps();
        assertThat(steps).extracting(s -> ((Pattern.StreamElement) s).quantifier()).containsExactly(
                new Pattern.Quantifier(1, -1), new Pattern.Quantifier(0, -1), new Pattern.Quantifier(0, 1), null);
        Pattern.FollowedBy f = (Pattern.FollowedBy) ((Source.PatternSource) select(
                "SELECT * FROM PATTERN (e1=A -> EVERY e2=B)").from()).pattern();
        assertThat(((Pattern.Every) f.steps().get(1)).inner()).isInstanceOf(Pattern.StreamElement.class);
    }

    // ------------------------------------------------------------------ partitions and tables

    @Test
    void valueAndRangePartitionsWithInnerStreams() {
        Statement.Partition p = single("""
                PARTITION WITH (symbol OF Trades, key OF Other)
                BEGIN
                  INSERT INTO #Inner SELECT symbol, volume FROM Trades;
                  INSERT INTO Totals SELECT symbol, sum(volume) AS total FROM #Inner;
                END""", Statement.Partition.class);
        assertThat(p.keys()).hasSize(2);
        assertThat(((Statement.ValuePartition) p.keys().get(0)).stream().text()).isEqualTo("Trades");
        assertThat(p.body()).hasSize(2);
        Statement.Query first = (Statement.Query) p.body().get(0);
        assertThat(first.insert().target().text()).isEqualTo("#Inner");
        Statement.Partition r = single("""
                PARTITION WITH (price < 100 AS 'low' OR price >= 100 AS 'high' OF Trades)
                BEGIN SELECT * FROM Trades; END""", Statement.Partition.class);
        Statement.RangePartition range = (Statement.RangePartition) r.keys().get(0);
        assertThat(range.ranges()).extracting(Statement.Range::label).containsExactly("low", "high");
        assertThat(range.stream().text()).isEqualTo("Trades");
    }

    @Test
    void updateDeleteUpsert() {
        Statement.Update u = single("UPDATE T SET price = U.price, volume = 0 FROM U WHERE T.symbol = U.symbol",
                Statement.Update.class);
        assertThat(u.assignments()).extracting(a -> a.target().written()).containsExactly("price", "volume");
        assertThat(((Source.StreamSource) u.from()).stream().text()).isEqualTo("U");
        assertThat(u.where()).isInstanceOf(Expr.Binary.class);
        Statement.Delete d = single("DELETE FROM T USING D WHERE T.symbol = D.symbol", Statement.Delete.class);
        assertThat(d.table().text()).isEqualTo("T");
        assertThat(((Source.StreamSource) d.using()).stream().text()).isEqualTo("D");
        Statement.Upsert up = single("UPSERT INTO T SELECT symbol, price FROM U ON T.symbol = U.symbol",
                Statement.Upsert.class);
        assertThat(up.select().items()).hasSize(2);
        assertThat(up.on()).isInstanceOf(Expr.Binary.class);
    }

    // ------------------------------------------------------------------ lexical matters

    @Test
    void annotationsCommentsAndCaseInsensitiveKeywords() {
        Script s = parse("""
                @app:name('Shop')
                @app:statistics(reporter = 'console', interval = '5')
                -- a line comment
                create stream S (a int); /* a block
                comment */
                @info(name = 'q1') insert into Out select a from S where a > 1;
                @app:playback;
                """);
        assertThat(s.statements()).hasSize(3);
        List<Annotation> first = s.statements().get(0).annotations();
        assertThat(first).extracting(Annotation::name).containsExactly("app:name", "app:statistics");
        assertThat(first.get(0).elements()).containsExactly(new Annotation.Element(null, "Shop"));
        assertThat(first.get(1).elements()).containsExactly(new Annotation.Element("reporter", "console"),
                new Annotation.Element("interval", "5"));
        assertThat(s.statements().get(1).annotations().get(0).name()).isEqualTo("info");
        assertThat(s.statements().get(2)).isInstanceOf(Statement.AnnotationsOnly.class);
    }

    @Test
    void softKeywordsStayUsableAsNames() {
        Select s = select("""
                SELECT first AS first, last AS second, value, time, count, length, min, max, `order`, end AS end,
                       key, start, window, table
                FROM In WHERE in IN (1, 2)""");
        assertThat(s.items()).hasSize(14);
        assertThat(((Select.Column) s.items().get(1)).alias().text()).isEqualTo("second");
        assertThat(((Source.StreamSource) s.from()).stream().text()).isEqualTo("In");
        assertThat(s.where()).isInstanceOf(Expr.In.class);
        assertThat(single("CREATE STREAM In (v INT, order INT, group STRING, value DOUBLE)",
                Statement.CreateStream.class).columns()).hasSize(4);
    }

    @Test
    void durationsInEveryUnit() {
        assertThat(duration("100 MILLISECONDS")).isEqualTo(100);
        assertThat(duration("1 millisecond")).isEqualTo(1);
        assertThat(duration("5 SECONDS")).isEqualTo(5_000);
        assertThat(duration("1 SECOND")).isEqualTo(1_000);
        assertThat(duration("1 MINUTE")).isEqualTo(60_000);
        assertThat(duration("2 HOURS")).isEqualTo(7_200_000);
        assertThat(duration("1 DAY")).isEqualTo(86_400_000);
        assertThat(duration("1 WEEK")).isEqualTo(604_800_000);
        assertThat(duration("INTERVAL '10' SECOND")).isEqualTo(10_000);
        assertThat(duration("interval '3' minutes")).isEqualTo(180_000);
    }

    private long duration(String text) {
        return ((Expr.DurationLiteral) expr(text)).millis();
    }

    @Test
    void literals() {
        assertThat(expr("42")).isEqualTo(new Expr.Literal(42, Expr.LiteralKind.INT, new SourcePosition(1, 8)));
        assertThat(literal("2147483648")).isEqualTo(2147483648L);
        assertThat(kind("2147483648")).isEqualTo(Expr.LiteralKind.LONG);
        assertThat(literal("10L")).isEqualTo(10L);
        assertThat(kind("10l")).isEqualTo(Expr.LiteralKind.LONG);
        assertThat(literal("1.5")).isEqualTo(1.5d);
        assertThat(literal("1.5f")).isEqualTo(1.5f);
        assertThat(kind("1.5F")).isEqualTo(Expr.LiteralKind.FLOAT);
        assertThat(literal("1e3")).isEqualTo(1000.0d);
        assertThat(literal("TRUE")).isEqualTo(true);
        assertThat(literal("false")).isEqualTo(false);
        assertThat(kind("NULL")).isEqualTo(Expr.LiteralKind.NULL);
        assertThat(literal("'it''s'")).isEqualTo("it's");
    }

    private Object literal(String text) {
        return ((Expr.Literal) expr(text)).value();
    }

    private Expr.LiteralKind kind(String text) {
        return ((Expr.Literal) expr(text)).kind();
    }

    @Test
    void operatorPrecedence() {
        Expr.Binary or = (Expr.Binary) expr("a + b * c > 2 AND NOT d OR e = 1");
        assertThat(or.op()).isEqualTo(BinaryOp.OR);
        Expr.Binary and = (Expr.Binary) or.left();
        assertThat(and.op()).isEqualTo(BinaryOp.AND);
        Expr.Binary gt = (Expr.Binary) and.left();
        assertThat(gt.op()).isEqualTo(BinaryOp.GT);
        Expr.Binary plus = (Expr.Binary) gt.left();
        assertThat(plus.op()).isEqualTo(BinaryOp.ADD);
        assertThat(((Expr.Binary) plus.right()).op()).isEqualTo(BinaryOp.MULTIPLY);
        assertThat(and.right()).isInstanceOf(Expr.Unary.class);
        Expr.Binary left = (Expr.Binary) expr("10 - 4 - 3");
        assertThat(((Expr.Binary) left.left()).op()).isEqualTo(BinaryOp.SUBTRACT);
        assertThat(((Expr.Binary) expr("(a + b) * c")).op()).isEqualTo(BinaryOp.MULTIPLY);
        assertThat(((Expr.Binary) expr("a % 2")).op()).isEqualTo(BinaryOp.MODULO);
    }

    @Test
    void comparisonOperators() {
        assertThat(List.of("=", "==", "!=", "<>", "<", "<=", ">", ">=")).extracting(
                op -> ((Expr.Binary) expr("a " + op + " b")).op()).containsExactly(BinaryOp.EQ, BinaryOp.EQ,
                BinaryOp.NE, BinaryOp.NE, BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE);
    }

    @Test
    void predicates() {
        assertThat(((Expr.IsNull) expr("a IS NULL")).negated()).isFalse();
        assertThat(((Expr.IsNull) expr("a IS NOT NULL")).negated()).isTrue();
        assertThat(((Expr.Like) expr("name LIKE 'A%'")).negated()).isFalse();
        assertThat(((Expr.Like) expr("name NOT LIKE 'A%'")).negated()).isTrue();
        Expr.In in = (Expr.In) expr("a NOT IN (1, 2, 3)");
        assertThat(in.negated()).isTrue();
        assertThat(in.values()).hasSize(3);
        Expr.Binary and = (Expr.Binary) expr("a BETWEEN 1 AND 5 AND c");
        assertThat(and.op()).isEqualTo(BinaryOp.AND);
        Expr.Between b = (Expr.Between) and.left();
        assertThat(b.low()).isEqualTo(new Expr.Literal(1, Expr.LiteralKind.INT, new SourcePosition(1, 18)));
        assertThat(b.negated()).isFalse();
        assertThat(((Expr.Between) expr("a NOT BETWEEN 1 AND 5")).negated()).isTrue();
    }

    @Test
    void conversionsAndCase() {
        Expr.Cast cast = (Expr.Cast) expr("CAST(price AS BIGINT)");
        assertThat(cast.target().type()).isEqualTo(AttributeType.LONG);
        Expr.Case simple = (Expr.Case) expr("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END");
        assertThat(simple.operand()).isNotNull();
        assertThat(simple.whens()).hasSize(2);
        assertThat(simple.otherwise()).isNotNull();
        Expr.Case searched = (Expr.Case) expr("CASE WHEN a > 1 THEN 'big' END");
        assertThat(searched.operand()).isNull();
        assertThat(searched.otherwise()).isNull();
    }

    @Test
    void functionCalls() {
        assertThat(expr("count(*)")).isEqualTo(new Expr.FunctionCall(null, "count", List.of(), true, false,
                new SourcePosition(1, 8)));
        assertThat(((Expr.FunctionCall) expr("count()")).star()).isFalse();
        Expr.FunctionCall distinct = (Expr.FunctionCall) expr("COUNT(DISTINCT symbol)");
        assertThat(distinct.distinct()).isTrue();
        assertThat(distinct.arguments()).hasSize(1);
        assertThat(((Expr.FunctionCall) expr("SUM(DISTINCT x)")).distinct()).isTrue();
        Expr.FunctionCall lib = (Expr.FunctionCall) expr("math:round(price, 2)");
        assertThat(lib.library()).isEqualTo("math");
        assertThat(lib.name()).isEqualTo("round");
        assertThat(((Expr.FunctionCall) expr("left(s, 2)")).name()).isEqualTo("left");
        assertThat(((Expr.FunctionCall) expr("and(flag)")).name()).isEqualTo("and");
        Expr.FunctionCall extract = (Expr.FunctionCall) expr("EXTRACT(YEAR FROM ts)");
        assertThat(extract.name()).isEqualTo("extract");
        assertThat(((Expr.Literal) extract.arguments().get(0)).value()).isEqualTo("YEAR");
    }

    // ------------------------------------------------------------------ syntax errors

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> parser.parse("CREATE STREAM S (a INT);\nSELECT a FROM S WHERE;"))
                .isInstanceOfSatisfying(CompileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(22);
                    assertThat(e.errors().get(0).offendingName()).isEqualTo(";");
                    assertThat(e.getMessage()).startsWith("line 2, column 22: syntax error");
                });
    }

    @Test
    void unknownTypeIsAnError() {
        assertThatThrownBy(() -> parser.parse("CREATE STREAM S (a INTEGR)"))
                .isInstanceOfSatisfying(CompileException.class, e -> {
                    assertThat(e.column()).isEqualTo(20);
                    assertThat(e.errors().get(0).offendingName()).isEqualTo("INTEGR");
                    assertThat(e.suggestion()).isEqualTo("did you mean 'INTEGER'?");
                });
    }

    @Test
    void strayCharacterIsASyntaxError() {
        assertThatThrownBy(() -> parser.parse("SELECT a $ b FROM S")).isInstanceOf(CompileException.class)
                .hasMessageContaining("line 1, column 10");
    }
}
