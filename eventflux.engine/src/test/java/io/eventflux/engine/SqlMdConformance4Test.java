package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Independent QA of /work/shared/SQL.md, continued: more of sections 1, 3.1, 3.2, 3.5, 3.7, 4. */
class SqlMdConformance4Test {
    private static final String KV = "CREATE STREAM S (k STRING, v INT);\n";

    private static Object[] row(String select, Object... data) {
        List<Event> events = Scenario.of("CREATE STREAM S (s STRING, i INT, d DOUBLE);\nINSERT INTO Out " + select + " FROM S;")
                .send(1, data).events();
        assertThat(events).hasSize(1);
        return events.get(0).data();
    }

    @Test
    void s1MoreTypeSynonyms() {
        List<Event> events = Scenario.of("CREATE STREAM S (a CHAR, b TEXT, c SMALLINT, d TINYINT, e NUMERIC, f OBJECT);\n"
                + "INSERT INTO Out SELECT a, b, c, d, e, f FROM S;").send(1, "x", "y", 1, 2, 1.5, List.of(1)).events();
        assertThat(events.get(0).data()).containsExactly("x", "y", 1, 2, 1.5, List.of(1));
    }

    @Test
    @org.junit.jupiter.api.Disabled("SQL.md 3.1/3.2 (silent, so Siddhi): an expired row of a sliding window should carry the "
            + "aggregate right after its own subtraction (Siddhi QuerySelector processes each event of the chunk in turn: "
            + "3:expired:[2]); the engine updates the aggregates with the whole step first and gives 3:expired:[5]. "
            + "Selector.step's javadoc documents that choice and 9 existing tests assert it: a semantics decision for the lead")
    void s31AllEventsWithAggregateExpiredRowCarriesTheAggregateAfterTheSubtraction() {
        Scenario.of(KV + "INSERT ALL EVENTS INTO Out SELECT sum(v) AS s FROM S WINDOW('length', 2);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3).expect("1:[1]", "2:[3]", "3:expired:[2]", "3:[5]");
    }

    @Test
    void s32MinMaxKeepFloatAndLong() {
        List<Event> events = Scenario.of("CREATE STREAM S (f FLOAT, l LONG);\nINSERT INTO Out SELECT min(f) AS a, max(l) AS b, "
                + "sum(l) AS c, avg(f) AS d FROM S;").send(1, 1.5f, 3L).events();
        assertThat(events.get(0).data()).containsExactly(1.5f, 3L, 3L, 1.5);
    }

    @Test
    void s32NullEqualsNullIsFalse() {
        Scenario.of("CREATE STREAM S (a INT, b INT);\nINSERT INTO Out SELECT a FROM S WHERE a = b;")
                .send(1, null, null).send(2, 1, 1).expect("2:[1]");
    }

    @Test
    void s32NullArithmeticIsNull() {
        assertThat(row("SELECT i + 1 AS a, d * 2 AS b", "x", null, null)).containsExactly(null, null);
    }

    @Test
    void s32BatchGroupByRowsStampedWithTheTimerFlushTime() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, count() AS n FROM S WINDOW('timeBatch', 1 SECOND) GROUP BY k;")
                .send(0, "b", 1).send(100, "a", 1).send(200, "b", 1).advance(1000)
                .expect("1000:[b, 2]", "1000:[a, 1]");
    }

    @Test
    void s35PlusInAPatternAndAggregateOverCounted() {
        Scenario.of("CREATE STREAM A (id INT, price DOUBLE);\nCREATE STREAM B (id INT, price DOUBLE);\n"
                + "INSERT INTO Out SELECT count(e1) AS n, avg(e1.price) AS ap, e1[last].id AS l, e2.id AS b "
                + "FROM PATTERN (e1=A+ -> e2=B);")
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 3.0).sendTo("B", 3, 3, 0.0).expect("3:[2, 2.0, 2, 3]");
    }

    @Test
    void s35WithinSpanFromFirstToLastElement() {
        Scenario.of("CREATE STREAM A (id INT);\nCREATE STREAM B (id INT);\nCREATE STREAM C (id INT);\n"
                + "INSERT INTO Out SELECT e1.id AS a, e3.id AS c FROM PATTERN (e1=A -> e2=B -> e3=C) WITHIN 1 SECOND;")
                .sendTo("A", 0, 1).sendTo("B", 900, 2).sendTo("C", 1500, 3).expect();
    }

    @Test
    void s37SnapshotWithGroupByEmitsEveryGroupsCurrentAggregate() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, sum(v) AS s FROM S GROUP BY k OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(100, "b", 2).send(200, "a", 3).advance(1000)
                .expect("1000:[a, 4]", "1000:[b, 2]");
    }

    @Test
    void s37FirstEveryTimeWithGroupBy() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, v FROM S GROUP BY k OUTPUT FIRST EVERY 1 SECOND;")
                .send(0, "a", 1).send(100, "b", 2).send(200, "a", 3).advance(1000).send(1100, "a", 4)
                .expect("0:[a, 1]", "100:[b, 2]", "1100:[a, 4]");
    }

    @Test
    void s4MoreCoreFunctions() {
        Object[] r = row("SELECT default(NULL, 'x') AS a, convert(i, 'string') AS b, instanceOfString(s) AS c, "
                + "instanceOfInteger(s) AS e, length(uuid()) AS f", "q", 5, 0.0);
        assertThat(r).containsExactly("x", "5", true, false, 36);
    }

    @Test
    void s4MoreMathFunctions() {
        Object[] r = row("SELECT mod(i, 3) AS a, sign(d) AS b, round(d, 1) AS c, exp(0.0) AS e, ln(1.0) AS f, pow(2, 10) AS g",
                "", 7, -2.345);
        assertThat(((Number) r[0]).intValue()).isEqualTo(1);
        assertThat(((Number) r[1]).intValue()).isEqualTo(-1);
        assertThat(((Number) r[2]).doubleValue()).isEqualTo(-2.3);
        assertThat(((Number) r[3]).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) r[4]).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) r[5]).doubleValue()).isEqualTo(1024.0);
    }

    @Test
    void s4MoreStringFunctions() {
        Object[] r = row("SELECT lower(s) AS a, ltrim('  x') AS b, rtrim('x  ') AS c, repeat('ab', 2) AS d, "
                + "ascii('A') AS e, chr(66) AS f, rpad(s, 4, '.') AS g, endsWith(s, 'B') AS h, contains(s, 'b') AS j, "
                + "instr(s, 'z') AS k, locate('B', s) AS l", "aB", 0, 0.0);
        assertThat(r).containsExactly("ab", "x", "x", "abab", 65, "B", "aB..", true, false, 0, 2);
    }

    @Test
    void s4SubstringFromFirstCharacter() {
        assertThat(row("SELECT substring(s, 1, 2) AS a, substr(s, 3) AS b", "hello", 0, 0.0)).containsExactly("he", "llo");
    }

    @Test
    void s4LogBaseTen() {
        assertThat(((Number) row("SELECT log(10, 1000.0) AS a", "", 0, 0.0)[0]).doubleValue())
                .isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void s1IntBoundaryLiterals() {
        List<Event> events = Scenario.of("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT 2147483647 AS a, 2147483648 AS b, "
                + "-5 AS c, 'it''s' AS d FROM S;").send(1, 1).events();
        Object[] r = events.get(0).data();
        assertThat(r[0]).isInstanceOf(Integer.class);
        assertThat(r[1]).isInstanceOf(Long.class).isEqualTo(2147483648L);
        assertThat(r[2]).isEqualTo(-5);
        assertThat(r[3]).isEqualTo("it's");
    }

    @Test
    void s32HavingAndOrderByOnAnOutputAlias() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, sum(v) AS total FROM S WINDOW('lengthBatch', 3) GROUP BY k "
                + "HAVING total > 1 ORDER BY total DESC;")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3).expect("3:[c, 3]", "3:[b, 2]");
    }

    @Test
    void s34LeftJoinOnATablePadsUnmatched() {
        Scenario.of(KV + "CREATE STREAM P (k STRING, y INT);\nCREATE TABLE T (k STRING PRIMARY KEY, y INT);\n"
                + "INSERT INTO T SELECT k, y FROM P;\nINSERT INTO Out SELECT S.k AS k, T.y AS y FROM S LEFT JOIN T ON S.k = T.k;")
                .send("P", 1, "a", 10).send("S", 2, "a", 1).send("S", 3, "b", 2).expect("2:[a, 10]", "3:[b, null]");
    }

    @Test
    void s34LeftSideWithoutWindowStillPadsItsArrivals() {
        Scenario.of("CREATE STREAM A (k STRING, x INT);\nCREATE STREAM B (k STRING, y INT);\n"
                + "INSERT INTO Out SELECT x, y FROM A LEFT JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 10).send("A", 3, "a", 2).expect("1:[1, null]", "3:[2, 10]");
    }

    @Test
    void s38BatchWindowPerKey() {
        Scenario.of(KV + "PARTITION WITH (k OF S) BEGIN INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('lengthBatch', 2); END;")
                .send(1, "a", 1).send(2, "b", 10).send(3, "a", 2).send(4, "b", 20).expect("3:[a, 3]", "4:[b, 30]");
    }
}
