package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/**
 * Stream-stream joins (SQL.md 3.4) with the real window bundles: every join type, ON and WHERE, windows
 * honoured on each side, a side without a window, UNIDIRECTIONAL, expired joins, three inputs; each with
 * a snapshot, restore and continue at every step.
 */
class JoinTest {
    private static final String AB = "CREATE STREAM A (k STRING, x INT);\nCREATE STREAM B (k STRING, y INT);\n";

    @Test
    void innerJoinMatchesEachArrivalWithTheOtherWindow() {
        Scenario.of(AB + "INSERT INTO Out SELECT A.k AS k, x, y FROM A WINDOW('length', 2) "
                + "JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 10).send("B", 3, "b", 20).send("A", 4, "a", 2)
                .send("B", 5, "a", 30).send("A", 6, "b", 3)
                .expect("2:[a, 1, 10]", "4:[a, 2, 10]", "5:[a, 1, 30]", "5:[a, 2, 30]", "6:[b, 3, 20]");
    }

    @Test
    void theOtherWindowForgetsExpiredEvents() {
        // B holds one event: after b2 arrives, A events no longer match a1's partner
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 5) JOIN B WINDOW('length', 1) "
                + "ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("B", 3, "c", 20).send("A", 4, "a", 2)
                .expect("2:[1, 10]");
    }

    @Test
    void timeWindowExpiresOnTheClock() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('time', 1 SECOND) JOIN B WINDOW('length', 3) "
                + "ON A.k = B.k;")
                .send("A", 0, "a", 1).send("B", 500, "a", 10).advance(1500).send("B", 1600, "a", 20)
                .expect("500:[1, 10]");
    }

    @Test
    void aSideWithoutAWindowHoldsNothing() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A JOIN B WINDOW('length', 3) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 10).send("A", 3, "a", 2).send("B", 4, "a", 20)
                .expect("3:[2, 10]");
    }

    @Test
    void whereFiltersJoinedRowsAndNonEqualityConditionsScan() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 3) JOIN B WINDOW('length', 3) "
                + "ON A.x < B.y WHERE B.y - A.x > 5;")
                .send("A", 1, "a", 1).send("A", 2, "b", 8).send("B", 3, "c", 10).send("B", 4, "d", 3)
                .expect("3:[1, 10]");
    }

    @Test
    void leftOuterJoinPadsUnmatchedLeftArrivalsOnly() {
        Scenario.of(AB + "INSERT INTO Out SELECT A.k AS ak, x, B.k AS bk, y FROM A WINDOW('length', 2) "
                + "LEFT OUTER JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "b", 10).send("B", 3, "a", 20).send("A", 4, "a", 2)
                .expect("1:[a, 1, null, null]", "3:[a, 1, a, 20]", "4:[a, 2, a, 20]");
    }

    @Test
    void leftJoinWithoutOuterIsTheSame() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) "
                + "LEFT JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 10)
                .expect("1:[1, null]", "2:[1, 10]");
    }

    @Test
    void rightOuterJoinPadsUnmatchedRightArrivals() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) "
                + "RIGHT JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "b", 10).send("B", 3, "a", 20).send("A", 4, "z", 2)
                .expect("2:[null, 10]", "3:[1, 20]");
    }

    @Test
    void fullOuterJoinPadsBothSides() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) "
                + "FULL OUTER JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("A", 1, "a", 1).send("B", 2, "b", 10).send("B", 3, "a", 20).send("A", 4, "z", 2)
                .expect("1:[1, null]", "2:[null, 10]", "3:[1, 20]", "4:[2, null]");
    }

    @Test
    void fullJoinWithoutOuterKeyword() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) "
                + "FULL JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("B", 1, "b", 10).send("A", 2, "a", 1)
                .expect("1:[null, 10]", "2:[1, null]");
    }

    @Test
    void unidirectionalLetsOnlyThatSideTrigger() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A UNIDIRECTIONAL "
                + "JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("B", 3, "a", 20).send("A", 4, "a", 2)
                .expect("2:[1, 10]", "4:[2, 10]", "4:[2, 20]");
    }

    @Test
    void unidirectionalOnTheRightSide() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) "
                + "JOIN B WINDOW('length', 2) UNIDIRECTIONAL ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("B", 3, "a", 20)
                .expect("3:[1, 20]");
    }

    @Test
    void insertAllEventsJoinsExpiredEventsToo() {
        Scenario.of(AB + "INSERT ALL EVENTS INTO Out SELECT x, y FROM A WINDOW('length', 1) "
                + "JOIN B WINDOW('length', 3) ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("A", 3, "a", 2)
                .expect("2:[1, 10]", "3:expired:[1, 10]", "3:[2, 10]");
    }

    @Test
    void insertExpiredEventsOnTimeWindowExpiry() {
        Scenario.of(AB + "INSERT EXPIRED EVENTS INTO Out SELECT x, y FROM A WINDOW('time', 1 SECOND) "
                + "JOIN B WINDOW('length', 3) ON A.k = B.k;")
                .send("B", 0, "a", 10).send("A", 100, "a", 1).advance(2000)
                .expect("1100:expired:[1, 10]");
    }

    @Test
    void aggregatesOverJoinedRowsWithGroupByAndEveryRowOfATriggerCarriesItsResult() {
        Scenario.of(AB + "INSERT INTO Out SELECT A.k AS k, sum(y) AS total, count() AS n FROM A "
                + "JOIN B WINDOW('length', 3) ON A.k = B.k GROUP BY A.k;")
                .send("B", 1, "a", 10).send("B", 2, "a", 20).send("B", 3, "b", 5).send("A", 4, "a", 0)
                .send("A", 5, "b", 0)
                .expect("4:[a, 30, 2]", "4:[a, 30, 2]", "5:[b, 5, 1]");
    }

    @Test
    void crossJoinWithoutOnMatchesEveryPair() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('length', 2) JOIN B WINDOW('length', 2);")
                .send("A", 1, "a", 1).send("A", 2, "b", 2).send("B", 3, "c", 10)
                .expect("3:[1, 10]", "3:[2, 10]");
    }

    @Test
    void selfJoinWithAliases() {
        Scenario.of("CREATE STREAM S (k STRING, v INT);\n"
                + "INSERT INTO Out SELECT l.v AS lv, r.v AS rv FROM S AS l WINDOW('length', 2) "
                + "JOIN S AS r WINDOW('length', 2) ON l.k = r.k AND l.v < r.v;")
                .send("S", 1, "a", 1).send("S", 2, "a", 2).send("S", 3, "b", 3)
                .expect("2:[1, 2]");
    }

    @Test
    void threeInputsChain() {
        Scenario.of(AB + "CREATE STREAM C (k STRING, z INT);\n"
                + "INSERT INTO Out SELECT x, y, z FROM A WINDOW('length', 2) JOIN B WINDOW('length', 2) ON A.k = B.k "
                + "JOIN C WINDOW('length', 2) ON B.k = C.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 10).send("C", 3, "a", 100).send("C", 4, "b", 200)
                .send("B", 5, "a", 20)
                .expect("3:[1, 10, 100]", "5:[1, 20, 100]");
    }

    @Test
    void threeInputsWithLeftJoinPadsTheLastInput() {
        Scenario.of(AB + "CREATE STREAM C (k STRING, z INT);\n"
                + "INSERT INTO Out SELECT x, y, z FROM A WINDOW('length', 2) JOIN B WINDOW('length', 2) ON A.k = B.k "
                + "LEFT JOIN C WINDOW('length', 2) ON A.k = C.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 10).send("C", 3, "a", 100)
                .expect("2:[1, 10, null]", "3:[1, 10, 100]");
    }

    @Test
    void batchWindowSideJoinsWhatItFlushedStampedWithEachEventsTime() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A WINDOW('lengthBatch', 2) "
                + "JOIN B WINDOW('length', 2) ON A.k = B.k;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("A", 3, "a", 2).send("B", 4, "a", 20)
                .expect("2:[1, 10]", "3:[2, 10]", "4:[1, 20]", "4:[2, 20]");
    }

    @Test
    void aggregatesSubtractJoinedRowsOfExpiredEvents() {
        Scenario.of(AB + "INSERT INTO Out SELECT sum(y) AS total FROM A WINDOW('length', 1) "
                + "JOIN B WINDOW('length', 5) ON A.k = B.k;")
                .send("B", 1, "a", 10).send("B", 2, "b", 20).send("A", 3, "a", 1).send("A", 4, "b", 2)
                .expect("3:[10]", "4:[20]");
    }

    @Test
    void rateLimitingOnAJoin() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A JOIN B WINDOW('length', 5) ON A.k = B.k "
                + "OUTPUT LAST EVERY 2 EVENTS;")
                .send("B", 1, "a", 10).send("A", 2, "a", 1).send("A", 3, "a", 2).send("A", 4, "a", 3)
                .send("A", 5, "a", 4)
                .expect("3:[2, 10]", "5:[4, 10]");
    }

    @Test
    void orderByAndLimitApplyToTheRowsOfOneTrigger() {
        Scenario.of(AB + "INSERT INTO Out SELECT x, y FROM A JOIN B WINDOW('length', 5) ON A.k = B.k "
                + "ORDER BY y DESC LIMIT 2;")
                .send("B", 1, "a", 10).send("B", 2, "a", 30).send("B", 3, "a", 20).send("A", 4, "a", 1)
                .expect("4:[1, 30]", "4:[1, 20]");
    }
}
