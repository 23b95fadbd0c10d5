package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every error names its line, column, the offending name and, where one exists, the nearest valid name. */
class CompileErrorTest {
    private static final String STREAMS = "CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);\n";

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private CompileException fail(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(sql));
        assertThat(e).as("expected a compile error for:%n%s", sql).isNotNull();
        return e;
    }

    private CompileError only(String sql) {
        List<CompileError> errors = fail(sql).errors();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void unknownStreamSuggestsTheNearest() {
        CompileError e = only(STREAMS + "SELECT * FROM Trade;");
        assertThat(e).isEqualTo(new CompileError(2, 15, "unknown stream 'Trade'", "Trade", "did you mean 'Trades'?"));
    }

    @Test
    void unknownAttributeListsTheAvailableOnesWhenNothingIsClose() {
        CompileError e = only(STREAMS + "SELECT quantity FROM Trades;");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.offendingName()).isEqualTo("quantity");
        assertThat(e.suggestion()).isEqualTo("available: price, symbol, volume");
    }

    @Test
    void unknownQualifierSuggestsAliasOrStream() {
        CompileError e = only(STREAMS + "SELECT tt.price FROM Trades AS t;");
        assertThat(e.message()).isEqualTo("unknown stream or alias 'tt'");
        assertThat(e.suggestion()).isEqualTo("did you mean 't'?");
        assertThat(only(STREAMS + "SELECT t.pric FROM Trades AS t;").suggestion()).isEqualTo("did you mean 'price'?");
    }

    @Test
    void unknownFunctionAggregatorAndWindow() {
        CompileError f = only(STREAMS + "SELECT uper(symbol) AS u FROM Trades;");
        assertThat(f).isEqualTo(new CompileError(2, 8, "unknown function 'uper'", "uper",
                "did you mean 'upper'? upper(s) -> STRING"));
        CompileError a = only(STREAMS + "SELECT summ(price) AS s FROM Trades;");
        assertThat(a.message()).isEqualTo("unknown aggregator 'summ'");
        assertThat(a.suggestion()).isEqualTo("did you mean 'sum'? available: avg, count, distinctCount, last, max, min, sum");
        CompileError w = only(STREAMS + "SELECT * FROM Trades WINDOW('lenght', 5);");
        assertThat(w).isEqualTo(new CompileError(2, 29, "unknown window 'lenght'", "lenght",
                "did you mean 'length'? available: length, lengthBatch, time, timeBatch, tumbling"));
        CompileError far = only(STREAMS + "SELECT * FROM Trades WINDOW('hamster', 5);");
        assertThat(far).isEqualTo(new CompileError(2, 29, "unknown window 'hamster'", "hamster",
                "available: length, lengthBatch, time, timeBatch, tumbling"));
        assertThat(far.format()).endsWith("(available: length, lengthBatch, time, timeBatch, tumbling)");
        CompileError lib = only(STREAMS + "SELECT maths:abs(price) AS a FROM Trades;");
        assertThat(lib.message()).isEqualTo("unknown function library 'maths'");
        assertThat(lib.suggestion()).isEqualTo("did you mean 'math'?");
        CompileError inLib = only(STREAMS + "SELECT math:upper(symbol) AS a FROM Trades;");
        assertThat(inLib.message()).isEqualTo("unknown function 'math:upper'");
    }

    @Test
    void countDistinctNeedsTheDistinctCountAggregator() {
        Catalog without = new Catalog() {
            private final TestCatalog delegate = new TestCatalog();

            @Override
            public Optional<io.eventflux.api.window.WindowFactory> window(String name) {
                return delegate.window(name);
            }

            @Override
            public Set<String> windowNames() {
                return delegate.windowNames();
            }

            @Override
            public Optional<io.eventflux.api.aggregator.AggregatorFactory> aggregator(String name) {
                return name.equalsIgnoreCase("distinctCount") ? Optional.empty() : delegate.aggregator(name);
            }

            @Override
            public Set<String> aggregatorNames() {
                return Set.of("count", "sum");
            }

            @Override
            public Map<String, io.eventflux.api.function.FunctionFactory> functionLibraries() {
                return delegate.functionLibraries();
            }
        };
        CompileException e = catchThrowableOfType(CompileException.class,
                () -> new SqlCompiler(without).compile(STREAMS + "SELECT count(DISTINCT symbol) AS n FROM Trades;"));
        assertThat(e.errors().get(0).message()).isEqualTo("unknown aggregator 'distinctCount'");
        assertThat(e.column()).isEqualTo(8);
    }

    @Test
    void extensionErrorsPointAtTheCall() {
        CompileError e = only(STREAMS + "SELECT *\nFROM Trades WINDOW('length', 0);");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(20);
        assertThat(e.message()).startsWith("window 'length' ").doesNotContain("'length': ").contains("must be positive");
        CompileError agg = only(STREAMS + "SELECT avg(symbol) AS a FROM Trades;");
        assertThat(agg.message()).startsWith("aggregator 'avg': needs a numeric argument");
        assertThat(agg.offendingName()).isEqualTo("avg");
    }

    @Test
    void typeErrors() {
        CompileError plus = only(STREAMS + "SELECT price + 'x' AS p FROM Trades;");
        assertThat(plus).isEqualTo(new CompileError(2, 14, "operator '+' needs numeric operands, got DOUBLE and STRING",
                "+", "expected a number, got STRING: CAST(... AS DOUBLE) converts the STRING side; "
                        + "concat(a, b) joins strings"));
        CompileError where = only(STREAMS + "SELECT * FROM Trades WHERE price;");
        assertThat(where.message()).isEqualTo("WHERE needs a BOOL condition, got DOUBLE");
        assertThat(where.column()).isEqualTo(28);
        assertThat(only(STREAMS + "SELECT * FROM Trades WHERE symbol > 1;").message())
                .isEqualTo("cannot compare STRING with INT using '>'");
        assertThat(only(STREAMS + "SELECT symbol AS s FROM Trades HAVING volume + 1;").message())
                .isEqualTo("HAVING needs a BOOL condition, got LONG");
        assertThat(only(STREAMS + "SELECT CASE WHEN price > 1 THEN 'a' ELSE 1 END AS c FROM Trades;").message())
                .isEqualTo("CASE branches have incompatible types STRING and INT");
        assertThat(only(STREAMS + "SELECT price LIKE 'a%' AS l FROM Trades;").message())
                .isEqualTo("LIKE needs STRING operands, got DOUBLE");
    }

    @Test
    void aggregatesAreNotAllowedInWhereOrGroupByOrNested() {
        CompileError e = only(STREAMS + "SELECT * FROM Trades WHERE sum(price) > 10;");
        assertThat(e).isEqualTo(new CompileError(2, 28, "aggregate function 'sum' is not allowed in WHERE", "sum",
                null));
        assertThat(only(STREAMS + "SELECT symbol FROM Trades GROUP BY count();").message())
                .isEqualTo("aggregate function 'count' is not allowed in GROUP BY");
        assertThat(only(STREAMS + "SELECT sum(max(price)) AS s FROM Trades;").message())
                .contains("not allowed in the argument of another aggregate");
        assertThat(only(STREAMS + "SELECT sum(price) AS s FROM Trades GROUP BY s;").message())
                .isEqualTo("GROUP BY cannot use the aggregated column 's'");
    }

    @Test
    void duplicateDefinitionsAndColumns() {
        CompileError e = only(STREAMS + "CREATE STREAM Trades (a INT);");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.message()).isEqualTo("stream 'Trades' is already defined as a stream at line 1, column 15");
        assertThat(only("CREATE STREAM S (a INT, a LONG);").message()).isEqualTo("duplicate attribute 'a' in 'S'");
        CompileError col = only(STREAMS + "SELECT price, price FROM Trades;");
        assertThat(col.message()).isEqualTo("duplicate output column 'price'");
        assertThat(col.column()).isEqualTo(15);
    }

    @Test
    void insertIntoAnIncompatibleStream() {
        CompileError count = only(STREAMS + "CREATE STREAM Out (a STRING);\nINSERT INTO Out SELECT symbol, price FROM Trades;");
        assertThat(count.line()).isEqualTo(3);
        assertThat(count.column()).isEqualTo(13);
        assertThat(count.message()).startsWith("the query produces 2 column(s) but stream 'Out' has 1");
        CompileError type = only(STREAMS + "CREATE STREAM Out (a STRING, b INT);\nINSERT INTO Out SELECT symbol, price FROM Trades;");
        assertThat(type.message()).isEqualTo("column 2 'price' is DOUBLE but stream 'Out' declares b INT");
        assertThat(type.suggestion()).isEqualTo("CAST it to INT");
        CompileError implicit = only(STREAMS + "INSERT INTO Out SELECT symbol FROM Trades;\nINSERT INTO Out SELECT price FROM Trades;");
        assertThat(implicit.line()).isEqualTo(3);
    }

    @Test
    void severalErrorsAreReportedTogetherInSourceOrder() {
        CompileException e = fail(STREAMS + """
                SELECT pricee, volum FROM Trades;
                SELECT * FROM Trade;
                """);
        assertThat(e.errors()).extracting(CompileError::offendingName).containsExactly("pricee", "volum", "Trade");
        assertThat(e.getMessage()).contains("line 2, column 8: unknown attribute 'pricee' in stream 'Trades' "
                + "(did you mean 'price'?)");
    }

    @Test
    void aggregationsRejectWhatCannotBeKeptIncrementally() {
        CompileError e = only(STREAMS + "CREATE AGGREGATION A AS SELECT symbol, last(price) AS p FROM Trades "
                + "GROUP BY symbol AGGREGATE EVERY SECONDS ... HOURS;");
        assertThat(e.message()).contains("aggregator 'last' cannot be kept incrementally in aggregation 'A'");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(40);
        assertThat(only(STREAMS + "CREATE AGGREGATION A AS SELECT symbol, price, sum(volume) AS v FROM Trades "
                + "GROUP BY symbol AGGREGATE EVERY SECONDS;").message())
                .contains("column 'price' of aggregation 'A' reads 'price' outside an aggregate");
        assertThat(only(STREAMS + "CREATE AGGREGATION A AS SELECT sum(price) AS t FROM Trades AGGREGATE BY symbol "
                + "EVERY SECONDS;").message()).contains("AGGREGATE BY needs a LONG attribute");
        assertThat(only(STREAMS + "CREATE AGGREGATION A AS SELECT sum(price) AS t FROM Trades AGGREGATE EVERY "
                + "SECONDS WITH ('retention.hours' = '3');").message()).contains("names no granularity");
        assertThat(only(STREAMS + "CREATE AGGREGATION A AS SELECT sum(price) AS t FROM Trades AGGREGATE EVERY "
                + "SECONDS WITH ('timezone' = 'Mars/Olympus');").message()).contains("is not a time zone");
        assertThat(only(STREAMS + "CREATE AGGREGATION A AS SELECT sum(price) AS t FROM Trades ORDER BY t AGGREGATE "
                + "EVERY SECONDS;").message()).contains("ORDER BY has no meaning in an aggregation");
    }

    @Test
    void aggregationReadsNeedWithinPerAndTheLastPlace() {
        String agg = STREAMS + "CREATE AGGREGATION A AS SELECT symbol, sum(price) AS t FROM Trades GROUP BY symbol "
                + "AGGREGATE EVERY SECONDS ... HOURS;\n";
        CompileError e = only(agg + "SELECT a.t FROM Trades JOIN A AS a ON Trades.symbol = a.symbol WITHIN 0, 10 "
                + "PER 'days';");
        assertThat(e.message()).contains("aggregation 'A' has no granularity 'days'");
        assertThat(e.line()).isEqualTo(3);
        assertThat(only(agg + "SELECT a.t FROM Trades JOIN A AS a ON Trades.symbol = a.symbol;").message())
                .contains("needs WITHIN from, to PER");
        assertThat(only(agg + "SELECT t FROM A;").message()).contains("cannot drive a continuous query");
        assertThat(only(agg + "SELECT Trades.price FROM Trades JOIN Trades AS u ON Trades.symbol = u.symbol "
                + "WITHIN 0, 10 PER 'hours';").message()).contains("reads an aggregation");
        assertThat(only(agg + "SELECT a.t FROM Trades RIGHT OUTER JOIN A AS a ON Trades.symbol = a.symbol WITHIN 0, "
                + "10 PER 'hours';").message()).contains("INNER or LEFT OUTER only");
    }

    @Test
    void outputSnapshotNeedsATimePeriod() {
        CompileError e = only(STREAMS + "SELECT * FROM Trades OUTPUT SNAPSHOT EVERY 3 EVENTS;");
        assertThat(e.message()).isEqualTo("OUTPUT SNAPSHOT needs a time period, not a number of events");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(22);
    }

    @Test
    void syntaxErrorsComeThroughTheCompiler() {
        CompileException e = fail("CREATE STREAM S (a INT)\nSELECT a FROM S;");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).contains("syntax error").contains("SELECT");
    }
}
