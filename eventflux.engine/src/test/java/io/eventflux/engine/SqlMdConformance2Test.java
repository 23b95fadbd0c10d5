package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Independent QA of /work/shared/SQL.md sections 3.6 (tables), 3.7 (output rate limiting), 3.8
 * (partitions), 4 (functions) and 5 (aggregators): one test per concrete rule, through the real bundles.
 */
class SqlMdConformance2Test {
    private static final String KV = "CREATE STREAM S (k STRING, v INT);\n";

    private static Object[] row(String select, Object... data) {
        List<Event> events = Scenario.of("CREATE STREAM S (s STRING, i INT, d DOUBLE);\nINSERT INTO Out " + select + " FROM S;")
                .send(1, data).events();
        assertThat(events).hasSize(1);
        return events.get(0).data();
    }

    // ---- 3.6 Tables

    private static final String TABLE = "CREATE STREAM In (k STRING, v INT);\nCREATE STREAM Q (k STRING);\n"
            + "CREATE TABLE T (k STRING PRIMARY KEY, v INT);\n";
    private static final String LOOKUP = "INSERT INTO Out SELECT Q.k AS k, T.v AS v FROM Q JOIN T ON Q.k = T.k;\n";

    @Test
    void s36InsertIntoTableWithoutWithIsInMemoryTable() {
        Scenario.of(TABLE + "INSERT INTO T SELECT k, v FROM In;\n" + LOOKUP)
                .send("In", 1, "a", 1).send("Q", 2, "a").send("Q", 3, "b").expect("2:[a, 1]");
    }

    @Test
    void s36UpdateFromStream() {
        Scenario.of(TABLE + "CREATE STREAM U (k STRING, v INT);\nINSERT INTO T SELECT k, v FROM In;\n"
                + "UPDATE T SET v = U.v FROM U WHERE T.k = U.k;\n" + LOOKUP)
                .send("In", 1, "a", 1).send("U", 2, "a", 5).send("Q", 3, "a").expect("3:[a, 5]");
    }

    @Test
    void s36DeleteUsingStream() {
        Scenario.of(TABLE + "CREATE STREAM D (k STRING);\nINSERT INTO T SELECT k, v FROM In;\n"
                + "DELETE FROM T USING D WHERE T.k = D.k;\n" + LOOKUP)
                .send("In", 1, "a", 1).send("In", 2, "b", 2).send("D", 3, "a").send("Q", 4, "a").send("Q", 5, "b")
                .expect("5:[b, 2]");
    }

    @Test
    void s36UpsertInsertsOrUpdates() {
        Scenario.of(TABLE + "UPSERT INTO T SELECT k, v FROM In ON T.k = In.k;\n" + LOOKUP)
                .send("In", 1, "a", 1).send("In", 2, "a", 2).send("In", 3, "b", 3).send("Q", 4, "a").send("Q", 5, "b")
                .expect("4:[a, 2]", "5:[b, 3]");
    }

    @Test
    void s36DuplicatePrimaryKeyInsertFailsThatRowOnly() throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(TABLE + "INSERT INTO T SELECT k, v FROM In;\n" + LOOKUP, DeployOptions.playback());
            Collector out = new Collector();
            app.addCallback("Out", out);
            app.inputHandler("In").send(1L, new Object[] {"a", 1});
            app.inputHandler("In").send(2L, new Object[] {"a", 2});
            app.inputHandler("In").send(3L, new Object[] {"b", 3});
            app.inputHandler("Q").send(4L, new Object[] {"a"});
            app.inputHandler("Q").send(5L, new Object[] {"b"});
            long errors = ((AppRuntimeImpl) app).tableErrorCount("T");
            app.shutdown();
            assertThat(errors).isEqualTo(1);
            assertThat(Scenario.rows(out.events())).containsExactly("4:[a, 1]", "5:[b, 3]");
        }
    }

    @Test
    void s36OnDemandQueryReturnsRowsAtOnce() throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(TABLE + "INSERT INTO T SELECT k, v FROM In;", DeployOptions.playback());
            app.inputHandler("In").send(1L, new Object[] {"a", 1});
            app.inputHandler("In").send(2L, new Object[] {"b", 2});
            assertThat(app.query("SELECT v FROM T WHERE k = 'b'").rowLists()).containsExactly(List.of(2));
            app.shutdown();
        }
    }

    // ---- 3.7 Output rate limiting

    private static Scenario rated(String output, boolean grouped) {
        return Scenario.of(KV + "INSERT INTO Out SELECT k, v FROM S" + (grouped ? " GROUP BY k " : " ") + output + ";")
                .send(100, "a", 1).send(200, "b", 2).send(300, "a", 3).send(400, "b", 4).send(500, "b", 5);
    }

    @Test
    void s37AllEveryNEventsEmitsThePeriodAtItsEndAndPartialOnShutdown() {
        rated("OUTPUT ALL EVERY 2 EVENTS", false)
                .expect("100:[a, 1]", "200:[b, 2]", "300:[a, 3]", "400:[b, 4]", "500:[b, 5]");
    }

    @Test
    void s37FirstEveryNEvents() {
        rated("OUTPUT FIRST EVERY 2 EVENTS", false).expect("100:[a, 1]", "300:[a, 3]", "500:[b, 5]");
    }

    @Test
    void s37FirstWithGroupByIsFirstOfEachGroupInThePeriodCountedAcrossGroups() {
        // periods of 3 events (all groups): a1 b2 a3 | b4 b5
        rated("OUTPUT FIRST EVERY 3 EVENTS", true).expect("100:[a, 1]", "200:[b, 2]", "400:[b, 4]");
    }

    @Test
    void s37LastEveryNEvents() {
        rated("OUTPUT LAST EVERY 2 EVENTS", false).expect("200:[b, 2]", "400:[b, 4]", "500:[b, 5]");
    }

    @Test
    void s37LastWithGroupByIsLastOfEachGroup() {
        rated("OUTPUT LAST EVERY 3 EVENTS", true).expect("300:[a, 3]", "200:[b, 2]", "500:[b, 5]");
    }

    @Test
    void s37TimePeriodsStartWhenTheQueryStarts() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, v FROM S OUTPUT LAST EVERY 1 SECOND;")
                .send(100, "a", 1).send(900, "b", 2).advance(1000).send(1500, "c", 3).advance(2000)
                .expect("900:[b, 2]", "1500:[c, 3]");
    }

    @Test
    void s37AllEveryTimeHeldRowsKeepTheirOwnTime() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, v FROM S OUTPUT ALL EVERY 1 SECOND;")
                .send(100, "a", 1).send(900, "b", 2).advance(1000).send(1500, "c", 3)
                .expect("100:[a, 1]", "900:[b, 2]", "1500:[c, 3]");
    }

    @Test
    void s37SnapshotEmitsWindowStateEveryPeriodAtTimerTime() {
        // in playback the query starts at the first event's time (100): periods end at 1100, 2100
        Scenario.of(KV + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('time', 1500) OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(100, "a", 1).send(800, "b", 2).advance(1100).advance(2100)
                .expect("1100:[3]", "2100:[2]");
    }

    // ---- 3.8 Partitions

    @Test
    void s38EachKeyHasItsOwnAggregationState() {
        Scenario.of(KV + "PARTITION WITH (k OF S) BEGIN INSERT INTO Out SELECT k, sum(v) AS s, count() AS n FROM S; END;")
                .send(1, "a", 1).send(2, "b", 10).send(3, "a", 2).expect("1:[a, 1, 1]", "2:[b, 10, 1]", "3:[a, 3, 2]");
    }

    @Test
    void s38InnerStreamsAreLocalToTheInstance() {
        Scenario.of(KV + "PARTITION WITH (k OF S) BEGIN\n"
                + "INSERT INTO #Inner SELECT k, v FROM S;\n"
                + "INSERT INTO Out SELECT k, sum(v) AS s FROM #Inner WINDOW('length', 2);\nEND;")
                .send(1, "a", 1).send(2, "b", 10).send(3, "a", 2).send(4, "a", 4)
                .expect("1:[a, 1]", "2:[b, 10]", "3:[a, 3]", "4:[a, 6]");
    }

    @Test
    void s38RangePartition() {
        Scenario.of(KV + "PARTITION WITH (v < 10 AS 'low' OR v >= 10 AS 'high' OF S) BEGIN "
                + "INSERT INTO Out SELECT count() AS n FROM S; END;")
                .send(1, "a", 1).send(2, "b", 10).send(3, "c", 2).expect("1:[1]", "2:[1]", "3:[2]");
    }

    @Test
    void s38PatternPerKey() {
        Scenario.of("CREATE STREAM A (k STRING, v INT);\nCREATE STREAM B (k STRING, v INT);\n"
                + "PARTITION WITH (k OF A, k OF B) BEGIN INSERT INTO Out SELECT e1.v AS a, e2.v AS b "
                + "FROM PATTERN (e1=A -> e2=B); END;")
                .send("A", 1, "x", 1).send("A", 2, "y", 2).send("B", 3, "y", 3).send("B", 4, "x", 4)
                .expect("3:[2, 3]", "4:[1, 4]");
    }

    // ---- 4 Functions

    @Test
    void s4PositionLocateInstrAreOneBasedAndZeroIfAbsent() {
        assertThat(row("SELECT position('b', s) AS p, locate('b', s) AS l, instr(s, 'b') AS i, position('z', s) AS z",
                "abc", 0, 0.0)).containsExactly(2, 2, 2, 0);
    }

    @Test
    void s4PositionArgumentOrderIsNeedleHaystack() {
        assertThat(row("SELECT position('lo', s) AS p", "hello", 0, 0.0)).containsExactly(4);
    }

    @Test
    void s4SubstringIsOneBased() {
        assertThat(row("SELECT substring(s, 2, 3) AS a, substr(s, 2) AS b", "hello", 0, 0.0)).containsExactly("ell", "ello");
    }

    @Test
    void s4LogWithBaseAndNaturalLog() {
        Object[] r = row("SELECT log(2, d) AS a, log(d) AS b, log10(100.0) AS c", "", 0, 8.0);
        assertThat((Double) r[0]).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) r[1]).isCloseTo(Math.log(8.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) r[2]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void s4LibraryQualifiedNames() {
        assertThat(row("SELECT math:abs(i) AS a, string:upper(s) AS u, core:coalesce(NULL, s) AS c", "ab", -3, 0.0))
                .containsExactly(3, "AB", "ab");
    }

    @Test
    void s4UnknownFunctionIsACompileErrorWithASuggestion() {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.deploy(
                    "CREATE STREAM S (s STRING);\nINSERT INTO Out SELECT uper(s) AS u FROM S;", DeployOptions.playback()))
                    .isInstanceOf(CompileException.class).hasMessageContaining("upper");
        }
    }

    @Test
    void s4CoreFunctions() {
        assertThat(row("SELECT coalesce(NULL, i) AS a, ifnull(NULL, 2) AS b, nullif(i, 5) AS c, IF(i > 1, 'y', 'n') AS d, "
                + "CAST(i AS DOUBLE) AS e, eventTimestamp() AS t", "", 5, 0.0)).containsExactly(5, 2, null, "y", 5.0, 1L);
    }

    @Test
    void s4StringFunctions() {
        assertThat(row("SELECT upper(s) AS a, length(s) AS b, concat(s, '!') AS c, replace(s, 'l', 'L') AS d, "
                + "trim('  x ') AS e, left(s, 2) AS f, right(s, 2) AS g, reverse(s) AS h, lpad(s, 7, '*') AS i, "
                + "startsWith(s, 'he') AS j, s LIKE 'h%o' AS k, regexMatch(s, 'h.*o') AS l", "hello", 0, 0.0))
                .containsExactly("HELLO", 5, "hello!", "heLLo", "x", "he", "lo", "olleh", "**hello", true, true, true);
    }

    @Test
    void s4MathFunctions() {
        assertThat(row("SELECT abs(i) AS a, ceil(d) AS b, floor(d) AS c, round(d) AS r, sqrt(16.0) AS e, power(2, 3) AS f, "
                + "maximum(1, i, 3) AS g, minimum(1, i, 3) AS h", "", -4, 2.5))
                .containsExactly(4, 3.0, 2.0, 3.0, 4.0, 8.0, 3, -4);
    }

    @Test
    void s4JsonGet() {
        assertThat(row("SELECT jsonGet(s, '$.a.b') AS a", "{\"a\":{\"b\":\"x\"}}", 0, 0.0)).containsExactly("x");
    }

    @Test
    void s4ExtractFromTimestamp() {
        assertThat(row("SELECT EXTRACT(YEAR FROM i) AS y", "", 0, 0.0)[0]).isEqualTo(1970);
    }

    // ---- 5 Aggregators

    @Test
    void s5StdDevAndVarianceAreZeroForASingleValue() {
        Scenario.of(KV + "INSERT INTO Out SELECT stdDev(v) AS s, variance(v) AS va FROM S;")
                .send(1, "a", 7).expect("1:[0.0, 0.0]");
    }

    @Test
    void s5PopulationForms() {
        Scenario.of(KV + "INSERT INTO Out SELECT stdDev(v) AS s, variance(v) AS va FROM S;")
                .send(1, "a", 2).send(2, "a", 4).expect("1:[0.0, 0.0]", "2:[1.0, 1.0]");
    }

    @Test
    void s5FirstLastMinMaxForeverAndOr() {
        Scenario.of("CREATE STREAM S (v INT, b BOOL);\nINSERT INTO Out SELECT first(v) AS f, last(v) AS l, "
                + "minForever(v) AS mn, maxForever(v) AS mx, and(b) AS a, or(b) AS o FROM S WINDOW('length', 1);")
                .send(1, 5, true).send(2, 3, false).expect("1:[5, 5, 5, 5, true, true]", "2:[3, 3, 3, 5, false, false]");
    }

    @Test
    void s5MinMaxOnStrings() {
        Scenario.of(KV + "INSERT INTO Out SELECT min(k) AS mn, max(k) AS mx FROM S;")
                .send(1, "m", 0).send(2, "a", 0).send(3, "z", 0).expect("1:[m, m]", "2:[a, m]", "3:[a, z]");
    }

    @Test
    void s5UnionSetAndPercentile() {
        List<Event> events = Scenario.of(KV + "INSERT INTO Out SELECT sizeOfSet(unionSet(k)) AS n, percentile(v, 50.0) AS p FROM S;")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).events();
        assertThat(events.get(2).data()[0]).isEqualTo(2);
        assertThat(((Number) events.get(2).data()[1]).doubleValue()).isBetween(1.0, 3.0);
    }
}
