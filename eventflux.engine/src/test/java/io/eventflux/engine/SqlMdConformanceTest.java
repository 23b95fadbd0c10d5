package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Independent QA of /work/shared/SQL.md sections 1, 3.1, 3.2, 3.4 and 3.5: one test per concrete example
 * or rule, through the real bundles, each (where it goes through {@link Scenario#expect}) also snapshotted,
 * restored and continued at every step. Sections 3.6-3.8, 4 and 5 are in {@link SqlMdConformance2Test}.
 */
class SqlMdConformanceTest {
    private static final String AB = "CREATE STREAM A (id INT, price DOUBLE);\nCREATE STREAM B (id INT, price DOUBLE);\n";

    private static Object[] firstRow(String sql, Object... data) {
        List<Event> events = Scenario.of(sql).send(1, data).events();
        assertThat(events).isNotEmpty();
        return events.get(0).data();
    }

    // ---- 1. Types and literals

    @Test
    void s1IntegerLiteralsAreIntIfTheyFitElseLongAnd10LForcesLong() {
        Object[] row = firstRow("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT 10 AS a, 10L AS b, 3000000000 AS c FROM S;", 1);
        assertThat(row[0]).isInstanceOf(Integer.class).isEqualTo(10);
        assertThat(row[1]).isInstanceOf(Long.class).isEqualTo(10L);
        assertThat(row[2]).isInstanceOf(Long.class).isEqualTo(3000000000L);
    }

    @Test
    void s1DecimalLiteralIsDoubleAndFSuffixIsFloat() {
        Object[] row = firstRow("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT 1.5 AS a, 1.5f AS b FROM S;", 1);
        assertThat(row[0]).isInstanceOf(Double.class).isEqualTo(1.5);
        assertThat(row[1]).isInstanceOf(Float.class).isEqualTo(1.5f);
    }

    @Test
    void s1BooleanAndNullLiterals() {
        Object[] row = firstRow("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT TRUE AS a, FALSE AS b, NULL AS c FROM S;", 1);
        assertThat(row).containsExactly(true, false, null);
    }

    @Test
    void s1TypeSynonymsAreAccepted() {
        Object[] row = firstRow("CREATE STREAM S (a VARCHAR, b INTEGER, c BIGINT, d REAL, e DECIMAL, f BOOLEAN);\n"
                + "INSERT INTO Out SELECT a, b, c, d, e, f FROM S;", "x", 1, 2L, 1.5f, 2.5, true);
        assertThat(row).containsExactly("x", 1, 2L, 1.5f, 2.5, true);
    }

    @Test
    void s1BareNumberAsDurationIsMilliseconds() {
        Scenario.of("CREATE STREAM S (v INT);\nINSERT EXPIRED EVENTS INTO Out SELECT v FROM S WINDOW('time', 100);")
                .send(0, 1).advance(50).advance(100).expect("100:expired:[1]");
    }

    // ---- 3.1 Which events a query emits

    private static final String S1 = "CREATE STREAM S (v INT);\n";

    @Test
    void s31InsertIntoEmitsCurrentEventsOnly() {
        Scenario.of(S1 + "INSERT INTO Out SELECT v FROM S WINDOW('length', 1);")
                .send(1, 1).send(2, 2).expect("1:[1]", "2:[2]");
    }

    @Test
    void s31InsertExpiredEmitsDeparturesOnlyAtTheirExpiryTime() {
        Scenario.of(S1 + "INSERT EXPIRED EVENTS INTO Out SELECT v FROM S WINDOW('length', 1);")
                .send(1, 1).send(2, 2).send(3, 3).expect("2:expired:[1]", "3:expired:[2]");
    }

    @Test
    void s31InsertAllEmitsBothExpiredMarked() {
        Scenario.of(S1 + "INSERT ALL EVENTS INTO Out SELECT v FROM S WINDOW('time', 1 SECOND);")
                .send(0, 1).send(500, 2).advance(1000).advance(1500)
                .expect("0:[1]", "500:[2]", "1000:expired:[1]", "1500:expired:[2]");
    }

    @Test
    void s31AggregatesSubtractExpiredEvents() {
        Scenario.of(S1 + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('length', 2);")
                .send(1, 1).send(2, 2).send(3, 4).expect("1:[1]", "2:[3]", "3:[6]");
    }

    // ---- 3.2 Aggregation and chunks

    @Test
    void s32SlidingWithoutGroupByEmitsOneRowPerEvent() {
        Scenario.of(S1 + "INSERT INTO Out SELECT count() AS n, sum(v) AS s FROM S;")
                .send(1, 1).send(2, 2).send(3, 3).expect("1:[1, 1]", "2:[2, 3]", "3:[3, 6]");
    }

    @Test
    void s32BatchWithAggregateOneRowPerGroupStampedWithFillingEvent() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, sum(v) AS s FROM S "
                + "WINDOW('lengthBatch', 3) GROUP BY k;")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).send(4, "a", 10)
                .expect("3:[a, 4]", "3:[b, 2]");
    }

    @Test
    void s32TimeBatchRowCarriesTheFlushTime() {
        Scenario.of(S1 + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('timeBatch', 1 SECOND);")
                .send(100, 1).send(300, 2).advance(1100).send(1500, 5).advance(2100)
                .expect("1100:[3]", "2100:[5]");
    }

    @Test
    void s32BatchWithoutAggregateEmitsEventsInArrivalOrder() {
        Scenario.of(S1 + "INSERT INTO Out SELECT v FROM S WINDOW('lengthBatch', 2);")
                .send(1, 5).send(2, 3).send(3, 9).expect("1:[5]", "2:[3]");
    }

    @Test
    void s32AllEventsPreviousBatchExpiresBeforeNewRows() {
        Scenario.of(S1 + "INSERT ALL EVENTS INTO Out SELECT v FROM S WINDOW('lengthBatch', 2);")
                .send(1, 1).send(2, 2).send(3, 3).send(4, 4)
                .expect("1:[1]", "2:[2]", "4:expired:[1]", "4:expired:[2]", "3:[3]", "4:[4]");
    }

    @Test
    void s32GroupByOnSlidingWindowEmitsOneRowForOwnGroup() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, sum(v) AS s FROM S "
                + "WINDOW('length', 10) GROUP BY k;")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).expect("1:[a, 1]", "2:[b, 2]", "3:[a, 4]");
    }

    @Test
    void s32OrderByAndLimitApplyPerFlush() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, sum(v) AS s FROM S "
                + "WINDOW('lengthBatch', 4) GROUP BY k ORDER BY s DESC LIMIT 2;")
                .send(1, "a", 1).send(2, "b", 5).send(3, "c", 3).send(4, "a", 1)
                .send(5, "x", 1).send(6, "y", 2).send(7, "z", 3).send(8, "x", 10)
                .expect("4:[b, 5]", "4:[c, 3]", "8:[x, 11]", "8:[z, 3]");
    }

    @Test
    void s32OffsetSkipsRowsOfAFlush() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, sum(v) AS s FROM S "
                + "WINDOW('lengthBatch', 3) GROUP BY k ORDER BY k LIMIT 1 OFFSET 1;")
                .send(1, "c", 1).send(2, "a", 2).send(3, "b", 3).expect("3:[b, 3]");
    }

    @Test
    void s32RowsOfAFlushFollowGroupsFirstAppearance() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, count() AS n FROM S "
                + "WINDOW('lengthBatch', 4) GROUP BY k;")
                .send(1, "z", 1).send(2, "a", 2).send(3, "m", 3).send(4, "a", 4)
                .expect("4:[z, 1]", "4:[a, 2]", "4:[m, 1]");
    }

    @Test
    void s32HavingFiltersOutputWhereFiltersInput() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, sum(v) AS s FROM S "
                + "WHERE v > 0 GROUP BY k HAVING sum(v) > 2;")
                .send(1, "a", 2).send(2, "a", -5).send(3, "a", 1).send(4, "b", 1)
                .expect("3:[a, 3]");
    }

    @Test
    void s32AggregateResultTypes() {
        List<Event> events = Scenario.of("CREATE STREAM S (k STRING, i INT, d DOUBLE, f FLOAT);\n"
                + "INSERT INTO Out SELECT count() AS c, sum(i) AS si, sum(d) AS sd, avg(i) AS ai, min(i) AS mi, "
                + "max(k) AS mk, distinctCount(k) AS dc, stdDev(i) AS sdv, sum(f) AS sf FROM S;")
                .send(1, "b", 3, 1.5, 1.0f).send(2, "a", 4, 2.5, 2.0f).events();
        assertThat(events.get(1).data()).containsExactly(2L, 7L, 4.0, 3.5, 3, "b", 2L, 0.5, 3.0);
    }

    @Test
    void s32IntDivisionIsIntegerAndRemainder() {
        Object[] row = firstRow("CREATE STREAM S (a INT, b INT);\nINSERT INTO Out SELECT a / b AS q, a % b AS r FROM S;", 7, 2);
        assertThat(row[0]).isInstanceOf(Integer.class).isEqualTo(3);
        assertThat(row[1]).isInstanceOf(Integer.class).isEqualTo(1);
    }

    @Test
    void s32IntegerDivisionByZeroIsNull() {
        Object[] row = firstRow("CREATE STREAM S (a INT, b INT, l LONG);\n"
                + "INSERT INTO Out SELECT a / b AS q, a % b AS r, l / 0 AS lq FROM S;", 7, 0, 5L);
        assertThat(row).containsExactly(null, null, null);
    }

    @Test
    void s32Widening() {
        Object[] row = firstRow("CREATE STREAM S (a INT, l LONG, f FLOAT, d DOUBLE);\n"
                + "INSERT INTO Out SELECT a + l AS x, a * f AS y, l - d AS z, f / a AS w FROM S;", 2, 3L, 1.5f, 0.5);
        assertThat(row[0]).isInstanceOf(Long.class).isEqualTo(5L);
        assertThat(row[1]).isInstanceOf(Float.class).isEqualTo(3.0f);
        assertThat(row[2]).isInstanceOf(Double.class).isEqualTo(2.5);
        assertThat(row[3]).isInstanceOf(Float.class).isEqualTo(0.75f);
    }

    @Test
    void s32NullComparisonsAreFalse() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k FROM S WHERE v > 5 OR v <= 5 OR v = 5 OR v != 5;")
                .send(1, "n", null).send(2, "x", 1).expect("2:[x]");
    }

    @Test
    void s32IsNullAndIsNotNull() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\nINSERT INTO Out SELECT k, v IS NULL AS n, v IS NOT NULL AS nn FROM S;")
                .send(1, "n", null).send(2, "x", 1).expect("1:[n, true, false]", "2:[x, false, true]");
    }

    @Test
    void s32AggregatesSkipNull() {
        Scenario.of("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT sum(v) AS s, avg(v) AS a, count(v) AS c FROM S;")
                .send(1, 2).send(2, (Object) null).send(3, 4).expect("1:[2, 2.0, 1]", "2:[2, 2.0, 1]", "3:[6, 3.0, 2]");
    }

    // ---- 3 general

    @Test
    void s3UnaliasedExpressionsAreColN() {
        List<Event> events = Scenario.of("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT v, v + 1 FROM S;\n"
                + "INSERT INTO Out2 SELECT * FROM Out;").send(1, 1).events();
        assertThat(events.get(0).data()).containsExactly(1, 2);
    }

    @Test
    void s3CountDistinctAndSumDistinct() {
        Scenario.of("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT COUNT(DISTINCT v) AS c, SUM(DISTINCT v) AS s FROM S;")
                .send(1, 2).send(2, 2).send(3, 3).expect("1:[1, 2]", "2:[1, 2]", "3:[2, 5]");
    }

    @Test
    void s3GroupByExpression() {
        Scenario.of("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT v % 2 AS p, count() AS n FROM S GROUP BY v % 2;")
                .send(1, 1).send(2, 2).send(3, 3).expect("1:[1, 1]", "2:[0, 1]", "3:[1, 2]");
    }

    // ---- 3.4 Joins

    private static final String KX = "CREATE STREAM A (k STRING, x INT);\nCREATE STREAM B (k STRING, y INT);\n";

    @Test
    void s34LeftJoinEqualsLeftOuterJoin() {
        String q = "INSERT INTO Out SELECT A.k AS ak, x, y FROM A WINDOW('length', 2) %s B WINDOW('length', 2) ON A.k = B.k;";
        String[] expected = {"1:[a, 1, null]", "3:[a, 1, 20]", "4:[b, 2, null]"};
        for (String join : new String[] {"LEFT JOIN", "LEFT OUTER JOIN"}) {
            Scenario.of(KX + q.formatted(join)).send("A", 1, "a", 1).send("B", 2, "c", 10).send("B", 3, "a", 20)
                    .send("A", 4, "b", 2).expect(expected);
        }
    }

    @Test
    void s34SideWithoutWindowTriggersButIsNeverMatchedLater() {
        Scenario.of(KX + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 5) JOIN B ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("B", 3, "a", 20).expect("3:[1, 20]");
    }

    @Test
    void s34Unidirectional() {
        Scenario.of(KX + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 5) UNIDIRECTIONAL "
                + "JOIN B WINDOW('length', 5) ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("B", 3, "a", 20).send("A", 4, "a", 2)
                .expect("2:[1, 10]", "4:[2, 10]", "4:[2, 20]");
    }

    @Test
    void s34WhereFiltersJoinedRows() {
        Scenario.of(KX + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 5) JOIN B WINDOW('length', 5) "
                + "ON A.k = B.k WHERE x + y > 15;")
                .send("A", 1, "a", 1).send("A", 2, "a", 8).send("B", 3, "a", 10).expect("3:[8, 10]");
    }

    @Test
    void s34RightAndFullOuterJoinsPad() {
        Scenario.of(KX + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) FULL OUTER JOIN B WINDOW('length', 2) "
                + "ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "b", 10).send("B", 3, "a", 20)
                .expect("1:[1, null]", "2:[null, 10]", "3:[1, 20]");
        Scenario.of(KX + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) RIGHT JOIN B WINDOW('length', 2) "
                + "ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "b", 10).send("B", 3, "a", 20)
                .expect("2:[null, 10]", "3:[1, 20]");
    }

    @Test
    void s34TableOnEitherSideColumnsFollowSelect() {
        String base = "CREATE STREAM S (k STRING, x INT);\nCREATE STREAM P (k STRING, y INT);\n"
                + "CREATE TABLE T (k STRING PRIMARY KEY, y INT);\nINSERT INTO T SELECT k, y FROM P;\n";
        Scenario.of(base + "INSERT INTO Out SELECT T.y AS ty, S.x AS sx, S.k AS k FROM S JOIN T ON S.k = T.k;")
                .send("P", 1, "a", 10).send("S", 2, "a", 1).send("S", 3, "b", 2).expect("2:[10, 1, a]");
        Scenario.of(base + "INSERT INTO Out SELECT S.x AS sx, T.y AS ty FROM T JOIN S ON T.k = S.k;")
                .send("P", 1, "a", 10).send("S", 2, "a", 1).expect("2:[1, 10]");
    }

    @Test
    void s34ThreeWayJoin() {
        Scenario.of(KX + "CREATE STREAM C (k STRING, z INT);\nINSERT INTO Out SELECT x, y, z FROM A WINDOW('length', 5) "
                + "JOIN B WINDOW('length', 5) ON A.k = B.k JOIN C WINDOW('length', 5) ON B.k = C.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 2).send("C", 3, "a", 3).expect("3:[1, 2, 3]");
    }

    // ---- 3.5 Patterns and sequences

    private static Scenario ab(String query) {
        return Scenario.of(AB + "CREATE STREAM C (id INT, price DOUBLE);\n" + query);
    }

    @Test
    void s35EveryOnFirstElement() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("A", 2, 2, 0.0).sendTo("B", 3, 3, 0.0).expect("3:[1, 3]", "3:[2, 3]");
    }

    @Test
    void s35EveryGroupA1A2B3() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY (e1=A -> e2=B));")
                .sendTo("A", 1, 1, 0.0).sendTo("A", 2, 2, 0.0).sendTo("B", 3, 3, 0.0).expect("3:[1, 3]");
    }

    @Test
    void s35EveryGroupA1B2A3B4() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY (e1=A -> e2=B));")
                .sendTo("A", 1, 1, 0.0).sendTo("B", 2, 2, 0.0).sendTo("A", 3, 3, 0.0).sendTo("B", 4, 4, 0.0)
                .expect("2:[1, 2]", "4:[3, 4]");
    }

    @Test
    void s35EveryInside() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (e1=A -> EVERY e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("B", 2, 2, 0.0).sendTo("A", 3, 3, 0.0).sendTo("B", 4, 4, 0.0)
                .expect("2:[1, 2]", "4:[1, 4]");
    }

    @Test
    void s35WithoutEveryMatchesOnce() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (e1=A -> e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("B", 2, 2, 0.0).sendTo("A", 3, 3, 0.0).sendTo("B", 4, 4, 0.0)
                .expect("2:[1, 2]");
    }

    @Test
    void s35ConditionReferencingEarlierElementAndWhere() {
        // WHERE filters completed matches (Siddhi): B30 completes and consumes A1's match, then WHERE drops it
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B[price > e1.price]) WHERE e2.id < 10;")
                .sendTo("A", 1, 1, 5.0).sendTo("B", 2, 2, 4.0).sendTo("B", 3, 30, 6.0).sendTo("A", 4, 4, 1.0)
                .sendTo("B", 5, 5, 7.0).expect("5:[4, 5]");
    }

    @Test
    void s35CountedIndexesLastMinusOneAndMissingIndexNull() {
        ab("INSERT INTO Out SELECT e1[0].id AS f, e1[last].id AS l, e1[last-1].id AS p, e1[5].id AS m, "
                + "count(e1) AS n, avg(e1.price) AS ap, e2.id AS b FROM PATTERN (e1=A{2,5} -> e2=B);")
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 2.0).sendTo("A", 3, 3, 3.0).sendTo("B", 4, 9, 0.0)
                .expect("4:[1, 3, 2, null, 3, 2.0, 9]");
    }

    @Test
    void s35LastMinusOneOfASingleCountedEventIsNull() {
        ab("INSERT INTO Out SELECT e1[last].id AS l, e1[last-1].id AS p, e2.id AS b FROM PATTERN (e1=A{1,3} -> e2=B);")
                .sendTo("A", 1, 1, 1.0).sendTo("B", 2, 9, 0.0).expect("2:[1, null, 9]");
    }

    @Test
    void s35WithinDurationInEventTime() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B) WITHIN 1 SECOND;")
                .sendTo("A", 0, 1, 0.0).sendTo("A", 600, 2, 0.0).sendTo("B", 1100, 3, 0.0).expect("1100:[2, 3]");
    }

    @Test
    void s35WithinNEventsCountsEventsOfThePatternStreams() {
        // A1 A2 A3 A4 B5: only matches spanning at most 3 events of A and B; C events are not counted
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B) WITHIN 3 EVENTS;")
                .sendTo("A", 1, 1, 0.0).sendTo("A", 2, 2, 0.0).sendTo("C", 3, 0, 0.0).sendTo("A", 4, 3, 0.0)
                .sendTo("A", 5, 4, 0.0).sendTo("C", 6, 0, 0.0).sendTo("B", 7, 5, 0.0).expect("7:[3, 5]", "7:[4, 5]");
    }

    @Test
    void s35AbsentPatternFiresOnTheTimer() {
        ab("INSERT INTO Out SELECT e1.id AS a FROM PATTERN (EVERY e1=A -> NOT B FOR 5 SECONDS);")
                .sendTo("A", 1000, 1, 0.0).sendTo("A", 2000, 2, 0.0).sendTo("B", 4000, 9, 0.0).sendTo("A", 5000, 3, 0.0)
                .advance(9000).advance(10000).advance(12000)
                .expect("10000:[3]");
    }

    @Test
    void s35AbsentPatternFiresExactlyAtDeadline() {
        ab("INSERT INTO Out SELECT e1.id AS a FROM PATTERN (e1=A -> NOT B FOR 5 SECONDS);")
                .sendTo("A", 1000, 1, 0.0).advance(5999).advance(6000).expect("6000:[1]");
    }

    @Test
    void s35NotAndPresentEvent() {
        ab("INSERT INTO Out SELECT e2.id AS c FROM PATTERN (NOT B AND e2=C);")
                .sendTo("C", 1, 1, 0.0).expect("1:[1]");
    }

    @Test
    void s35SequenceResetsOnNonMatchingEventOfItsStreams() {
        // A2 is not the B that A1's match needs next: A1's match dies; an event of another stream (C) does not count
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM SEQUENCE (EVERY e1=A -> e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("A", 2, 2, 0.0).sendTo("C", 3, 0, 0.0).sendTo("B", 4, 3, 0.0)
                .expect("4:[2, 3]");
    }

    @Test
    void s35SequenceFilteredOutEventResets() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM SEQUENCE (EVERY e1=A -> e2=B[price > 0]);")
                .sendTo("A", 1, 1, 0.0).sendTo("B", 2, 2, -1.0).sendTo("B", 3, 3, 1.0).sendTo("A", 4, 4, 0.0)
                .sendTo("B", 5, 5, 1.0).expect("5:[4, 5]");
    }

    @Test
    void s35SequenceWithPlus() {
        ab("INSERT INTO Out SELECT count(e1) AS n, e2.id AS b FROM SEQUENCE (e1=A+ -> e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("A", 2, 2, 0.0).sendTo("B", 3, 3, 0.0).expect("3:[2, 3]");
    }

    @Test
    void s35OrAndAnd() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c FROM PATTERN (e1=A -> (e2=B OR e3=C));")
                .sendTo("A", 1, 1, 0.0).sendTo("C", 2, 7, 0.0).expect("2:[1, null, 7]");
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c FROM PATTERN (e1=A -> (e2=B AND e3=C));")
                .sendTo("A", 1, 1, 0.0).sendTo("C", 2, 7, 0.0).sendTo("B", 3, 8, 0.0).expect("3:[1, 8, 7]");
    }

    @Test
    void s35OneEventCompletingSeveralMatchesEmitsInStartOrder() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B);")
                .sendTo("A", 1, 5, 0.0).sendTo("A", 2, 1, 0.0).sendTo("A", 3, 3, 0.0).sendTo("B", 4, 9, 0.0)
                .expect("4:[5, 9]", "4:[1, 9]", "4:[3, 9]");
    }
}
