package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.api.extension.Extension;
import io.eventflux.engine.testext.TestFunctions;
import org.junit.jupiter.api.Test;

/**
 * The expression and expressionBatch window bundles through SQL (SQL.md 3.3): conditions over count(),
 * attribute aggregates and the first/last event, typed by the compiler and run by the engine; exact current
 * and expired rows, and the same output after a snapshot and restore at every step.
 */
class ExpressionWindowBundlesTest {
    private static final String S = "CREATE STREAM S (k STRING, v INT);\n";
    private static final String ST = "CREATE STREAM S (k STRING, v INT, t LONG);\n";

    @Test
    void countConditionIsALengthWindow() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('expression', 'count() <= 2');")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3).send(4, "d", 4)
                .expect("1:[a, 1]", "2:[b, 2]", "3:expired:[a, 1]", "3:[c, 3]", "4:expired:[b, 2]", "4:[d, 4]");
    }

    @Test
    void sumConditionExpiresTheOldestUntilItHoldsAndALoneViolatorExpiresAtOnce() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S "
                        + "WINDOW('expression', 'sum(v) <= 10');")
                .send(1, "a", 4).send(2, "b", 5).send(3, "c", 3).send(4, "d", 20).send(5, "e", 2)
                .expect("1:[a, 4]", "2:[b, 9]", "3:expired:[a, 8]", "3:[c, 8]",
                        "4:expired:[b, null]", "4:expired:[c, null]", "4:[d, null]", "4:expired:[d, null]",
                        "5:[e, 2]");
    }

    @Test
    void firstAndLastBoundTheSpanOfTheWindow() {
        Scenario.of(ST + "INSERT ALL EVENTS INTO Out SELECT k, count() AS n FROM S "
                        + "WINDOW('expression', 'last.t - first.t < 1000');")
                .send(1, "a", 1, 0L).send(2, "b", 2, 500L).send(3, "c", 3, 999L).send(4, "d", 4, 1600L)
                .expect("1:[a, 1]", "2:[b, 2]", "3:[c, 3]", "4:expired:[a, 2]", "4:expired:[b, 2]", "4:[d, 2]");
    }

    @Test
    void minAndMaxConditionsTakeExpiredEventsOut() {
        Scenario.of(S + "INSERT EXPIRED EVENTS INTO Out SELECT k, v FROM S "
                        + "WINDOW('expression', 'max(v) - min(v) <= 3');")
                .send(1, "a", 1).send(2, "b", 3).send(3, "c", 4).send(4, "d", 0).send(5, "e", 2).send(6, "f", 9)
                .expect("4:expired:[a, 1]", "4:expired:[b, 3]", "4:expired:[c, 4]", "6:expired:[d, 0]",
                        "6:expired:[e, 2]");
    }

    @Test
    void firstAndLastCompareStrings() {
        Scenario.of(S + "INSERT INTO Out SELECT k, count() AS n FROM S WINDOW('expression', 'first.k = k');")
                .send(1, "a", 1).send(2, "a", 2).send(3, "b", 3).send(4, "b", 4).send(5, "c", 5)
                .expect("1:[a, 1]", "2:[a, 2]", "3:[b, 1]", "4:[b, 2]", "5:[c, 1]");
    }

    @Test
    void conditionsCallFunctionsThatSeeTheNewestEventsTime() throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            runtime.registry().add(new TestFunctions(), TestFunctions.class.getAnnotation(Extension.class));
            AppRuntime app = runtime.deploy(ST + "INSERT INTO Out SELECT k, count() AS n FROM S WINDOW('expression', "
                    + "'testfn:upper(first.k) = testfn:upper(k) AND testfn:eventTs() - first.t < 100');",
                    DeployOptions.playback());
            Collector out = new Collector();
            app.addCallback("Out", out);
            InputHandler in = app.inputHandler("S");
            in.send(0, new Object[] {"a", 1, 0L});
            in.send(50, new Object[] {"A", 2, 0L});
            in.send(120, new Object[] {"a", 3, 120L}); // eventTs() 120 - first.t 0 >= 100: both older ones expire
            in.send(130, new Object[] {"B", 4, 120L});
            runtime.undeploy(app.name());
            assertThat(out.rows()).containsExactly("0:[a, 1]", "50:[A, 2]", "120:[a, 1]", "130:[B, 1]");
        }
    }

    @Test
    void expressionBatchFlushesTheBatchWithoutTheArrivalThatBreaksTheCondition() {
        Scenario s = Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S "
                        + "WINDOW('expressionBatch', 'sum(v) < 10');")
                .send(1, "a", 4).send(2, "b", 5).send(3, "c", 3).send(4, "d", 20).send(5, "e", 1)
                .expect("1:[a, 4]", "2:[b, 5]",
                        "4:expired:[a, 4]", "4:expired:[b, 5]", "3:[c, 3]",
                        "4:expired:[c, 3]", "4:[d, 20]");
        assertThat(s.chunks()).as("one chunk per flush").hasSize(3);
    }

    @Test
    void expressionBatchEmitsOneRowPerGroupPerFlushStampedWithTheClosingArrival() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s, count() AS n FROM S "
                        + "WINDOW('expressionBatch', 'count() <= 3') GROUP BY k;")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).send(4, "b", 4).send(5, "b", 5).send(6, "c", 6)
                .send(7, "a", 7).send(8, "a", 8)
                .expect("4:[a, 4, 2]", "4:[b, 2, 1]", "7:expired:[a, 4, 2]", "7:expired:[b, 2, 1]", "7:[b, 9, 2]",
                        "7:[c, 6, 1]");
    }

    @Test
    void expressionBatchOverTheSpanOfItsEvents() {
        Scenario.of(ST + "INSERT INTO Out SELECT count() AS n, min(t) AS since FROM S "
                        + "WINDOW('expressionBatch', 'last.t - first.t <= 100');")
                .send(1, "a", 1, 0L).send(2, "b", 2, 60L).send(3, "c", 3, 100L).send(4, "d", 4, 101L)
                .send(5, "e", 5, 150L).send(6, "f", 6, 500L)
                .expect("4:[3, 0]", "6:[2, 101]");
    }

    @Test
    void badConditionsAreCompileErrorsAtTheWindowCall() {
        EventFluxRuntime runtime = RealBundles.runtime();
        try (runtime) {
            CompileError unknown = error(runtime, S + "SELECT k FROM S WINDOW('expression', 'sum(vv) <= 10');");
            assertThat(unknown.line()).isEqualTo(2);
            assertThat(unknown.column()).isEqualTo(24);
            assertThat(unknown.message()).isEqualTo("window 'expression': condition 'sum(vv) <= 10': unknown attribute "
                    + "'vv' in stream 'S' at column 5 (did you mean 'v'?)");
            assertThat(error(runtime, S + "SELECT k FROM S WINDOW('expressionBatch', 'count() + 1');").message())
                    .isEqualTo("window 'expressionBatch': condition 'count() + 1': the window needs a BOOL condition, "
                            + "got LONG at column 9");
            assertThat(error(runtime, S + "SELECT k FROM S WINDOW('expression', 'count( <= 1');").message())
                    .startsWith("window 'expression': condition 'count( <= 1': syntax error");
            assertThat(error(runtime, S + "SELECT k FROM S WINDOW('expression', 3);").message())
                    .isEqualTo("window 'expression' parameter 'condition' must be a string constant, was 3 (INT)");
            assertThat(error(runtime, S + "SELECT k FROM S WINDOW('expression', 'summ(v) < 3');").message())
                    .contains("unknown aggregator 'summ'").contains("did you mean 'sum'?");
        }
    }

    private static CompileError error(EventFluxRuntime runtime, String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> runtime.validate(sql));
        assertThat(e).as("expected a compile error for %s", sql).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }
}
