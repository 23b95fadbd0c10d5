package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowCondition;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.api.window.WindowSpec;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.ConditionPlan;
import io.eventflux.sql.plan.TypedExpr;
import io.eventflux.sql.plan.TypedExpr.BinaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SqlCompiler#compileCondition}: window conditions over aggregates and first/last events. */
class ConditionCompilerTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE),
            new Attribute("volume", AttributeType.LONG)));

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private CompileError error(String condition) {
        CompileException e = catchThrowableOfType(CompileException.class,
                () -> compiler.compileCondition(condition, TRADES));
        assertThat(e).as("expected a compile error for %s", condition).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void countConditionHasOneZeroArgumentAggregate() throws CompileException {
        ConditionPlan plan = compiler.compileCondition("count() <= 3", TRADES);
        assertThat(plan.text()).isEqualTo("count() <= 3");
        assertThat(plan.input()).isEqualTo(TRADES);
        assertThat(plan.aggregates()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("count");
            assertThat(call.argument()).isNull();
        });
        assertThat(plan.condition()).isInstanceOfSatisfying(TypedExpr.Binary.class, b -> {
            assertThat(b.op()).isEqualTo(BinaryOp.LE);
            assertThat(b.left()).isEqualTo(new TypedExpr.AggregateRef(0, AttributeType.LONG));
        });
    }

    @Test
    void aggregateArgumentsReadTheAggregatedEventAndIdenticalCallsShareASlot() throws CompileException {
        ConditionPlan plan = compiler.compileCondition("sum(volume) < 1000 AND sum(volume) > 0 AND avg(price) < 10",
                TRADES);
        assertThat(plan.aggregates()).extracting(AggregateCall::name).containsExactly("sum", "avg");
        assertThat(plan.aggregates().get(0).argument())
                .isEqualTo(new TypedExpr.AttributeRef(0, 2, "volume", AttributeType.LONG));
        assertThat(plan.aggregates().get(1).argument())
                .isEqualTo(new TypedExpr.AttributeRef(0, 1, "price", AttributeType.DOUBLE));
    }

    @Test
    void firstAndLastReadTheTwoHalvesOfTheRowAndABareNameMeansLast() throws CompileException {
        ConditionPlan plan = compiler.compileCondition("last.volume - first.volume < volume", TRADES);
        assertThat(plan.lastOffset()).isEqualTo(3);
        TypedExpr.Binary lt = (TypedExpr.Binary) plan.condition();
        TypedExpr.Binary minus = (TypedExpr.Binary) lt.left();
        assertThat(minus.left()).isEqualTo(new TypedExpr.AttributeRef(0, 5, "volume", AttributeType.LONG));
        assertThat(minus.right()).isEqualTo(new TypedExpr.AttributeRef(0, 2, "volume", AttributeType.LONG));
        assertThat(lt.right()).isEqualTo(new TypedExpr.AttributeRef(0, 5, "volume", AttributeType.LONG));
        assertThat(plan.aggregates()).isEmpty();
    }

    @Test
    void functionsAndCaseAreRewrittenToo() throws CompileException {
        ConditionPlan plan = compiler.compileCondition(
                "math:abs(first.price - last.price) < 5 AND CASE WHEN first.symbol = 'A' THEN true ELSE false END",
                TRADES);
        TypedExpr.Binary and = (TypedExpr.Binary) plan.condition();
        TypedExpr.FunctionCall abs = (TypedExpr.FunctionCall) ((TypedExpr.Binary) and.left()).left();
        assertThat(((TypedExpr.Binary) abs.arguments().get(0)).right())
                .isEqualTo(new TypedExpr.AttributeRef(0, 4, "price", AttributeType.DOUBLE));
        TypedExpr.Case c = (TypedExpr.Case) and.right();
        assertThat(((TypedExpr.Binary) c.whens().get(0).when()).left())
                .isEqualTo(new TypedExpr.AttributeRef(0, 0, "symbol", AttributeType.STRING));
    }

    @Test
    void unknownAttributeSuggestsTheNearest() {
        CompileError e = error("sum(volum) < 10");
        assertThat(e).isEqualTo(new CompileError(1, 5, "unknown attribute 'volum' in stream 'Trades'", "volum",
                "did you mean 'volume'?"));
        assertThat(error("last.prise > 1").suggestion()).isEqualTo("did you mean 'price'?");
    }

    @Test
    void unknownAggregatorOrFunctionIsNamed() {
        CompileError e = error("summ(volume) < 10");
        assertThat(e.message()).isEqualTo("unknown aggregator 'summ'");
        assertThat(e.suggestion()).startsWith("did you mean 'sum'? available: ").contains("count");
    }

    @Test
    void aConditionMustBeBoolean() {
        CompileError e = error("count() + 1");
        assertThat(e.message()).isEqualTo("the window needs a BOOL condition, got LONG");
    }

    @Test
    void syntaxErrorsAndTrailingTextHavePositions() {
        CompileError e = error("count() <=");
        assertThat(e.message()).startsWith("syntax error");
        assertThat(e.column()).isEqualTo(11);
        assertThat(error("count() < 3 extra").message()).startsWith("syntax error: unexpected 'extra'");
    }

    @Test
    void firstOrLastInsideAnAggregateIsRejected() {
        CompileError e = error("sum(last.volume) < 10");
        assertThat(e.message()).contains("aggregate 'sum'").contains("first.* or last.*");
    }

    @Test
    void nestedAggregatesAreRejected() {
        assertThat(error("sum(count()) < 10").message()).contains("not allowed in the argument of another aggregate");
    }

    @Test
    void theCompilerHandsFactoriesTheCatalogsConditionCompiler() throws CompileException {
        List<String> compiled = new ArrayList<>();
        WindowConditions conditions = expression -> {
            compiled.add(expression);
            if (expression.contains("bad")) {
                throw new ExtensionException("condition '" + expression + "' is bad");
            }
            return null;
        };
        WindowFactory expressionWindow = new WindowFactory() {
            @Override
            public WindowDefinition define(WindowSpec spec) {
                throw new AssertionError("the compiler must call define(spec, conditions)");
            }

            @Override
            public WindowDefinition define(WindowSpec spec, WindowConditions c) {
                WindowCondition condition = c.compile(spec.argument(0, "condition").stringValue("condition"));
                return new WindowDefinition() {
                    @Override
                    public boolean isBatch() {
                        return false;
                    }

                    @Override
                    public io.eventflux.api.window.Window create(io.eventflux.api.window.WindowContext context) {
                        throw new UnsupportedOperationException(String.valueOf(condition));
                    }
                };
            }
        };
        Catalog catalog = new DelegatingCatalog(new TestCatalog(), expressionWindow, conditions);
        SqlCompiler withConditions = new SqlCompiler(catalog);
        String streams = "CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);\n";
        withConditions.compile(streams + "SELECT * FROM Trades WINDOW('expression', 'count() <= 2');");
        assertThat(compiled).containsExactly("count() <= 2");

        CompileException e = catchThrowableOfType(CompileException.class, () -> withConditions.compile(streams
                + "SELECT * FROM Trades WINDOW('expression', 'bad one');"));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(2);
            assertThat(err.column()).isEqualTo(29);
            assertThat(err.message()).isEqualTo("window 'expression': condition 'bad one' is bad");
        });
    }

    @Test
    void withoutAConditionCompilerTheWindowFailsClearly() {
        WindowFactory expressionWindow = new WindowFactory() {
            @Override
            public WindowDefinition define(WindowSpec spec) {
                throw new AssertionError("unused");
            }

            @Override
            public WindowDefinition define(WindowSpec spec, WindowConditions c) {
                c.compile("count() < 1");
                return null;
            }
        };
        Catalog catalog = new DelegatingCatalog(new TestCatalog(), expressionWindow, null);
        CompileException e = catchThrowableOfType(CompileException.class, () -> new SqlCompiler(catalog).compile(
                "CREATE STREAM S (a INT);\nSELECT * FROM S WINDOW('expression', 'count() < 1');"));
        assertThat(e.errors()).singleElement().extracting(CompileError::message).asString()
                .contains("cannot be compiled here");
    }

    /** The test catalog plus an 'expression' window and (optionally) a condition compiler. */
    private record DelegatingCatalog(Catalog base, WindowFactory expression, WindowConditions conditions)
            implements Catalog {
        @Override
        public Optional<WindowFactory> window(String name) {
            return name.equalsIgnoreCase("expression") ? Optional.of(expression) : base.window(name);
        }

        @Override
        public Set<String> windowNames() {
            return base.windowNames();
        }

        @Override
        public Optional<io.eventflux.api.aggregator.AggregatorFactory> aggregator(String name) {
            return base.aggregator(name);
        }

        @Override
        public Set<String> aggregatorNames() {
            return base.aggregatorNames();
        }

        @Override
        public Map<String, io.eventflux.api.function.FunctionFactory> functionLibraries() {
            return base.functionLibraries();
        }

        @Override
        public Optional<WindowConditions> windowConditions(StreamSchema input) {
            return Optional.ofNullable(conditions);
        }
    }
}
