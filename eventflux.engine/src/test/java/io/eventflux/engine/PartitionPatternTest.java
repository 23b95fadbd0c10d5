package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/**
 * Patterns and sequences inside partitions (SQL.md 3.5, 3.8): one state machine per key, with its own
 * partial matches, WITHIN bounds and absent-element timers; a purged key drops them. Every scenario also
 * runs snapshot -> restore -> continue at every step.
 */
class PartitionPatternTest {
    private static final String S = "CREATE STREAM S (k STRING, v INT, n INT);\n";

    private static Scenario partitioned(String options, String query) {
        return Scenario.of(S + "PARTITION WITH (k OF S)" + options + " BEGIN\n" + query + "\nEND;");
    }

    @Test
    void aPartialMatchOfOneKeyIsNeverCompletedByAnotherKey() {
        Scenario.of("""
                CREATE STREAM Temp (room INT, temp DOUBLE);
                PARTITION WITH (room OF Temp) BEGIN
                  INSERT INTO Out SELECT e1.room AS room, e1.temp AS first, e2.temp AS second
                  FROM PATTERN (EVERY e1=Temp[temp > 30] -> e2=Temp[temp > e1.temp]) WITHIN 10 SECONDS;
                END;
                """)
                // 33 (room 2) would complete room 1's 31 without the partition
                .sendTo("Temp", 1000, 1, 31.0).sendTo("Temp", 2000, 2, 35.0).sendTo("Temp", 3000, 2, 33.0)
                .sendTo("Temp", 4000, 1, 32.0).sendTo("Temp", 5000, 2, 36.0)
                .expect("4000:[1, 31.0, 32.0]", "5000:[2, 35.0, 36.0]", "5000:[2, 33.0, 36.0]");
    }

    @Test
    void aSequenceIsNotResetByAnotherKeysEvent() {
        partitioned("", """
                INSERT INTO Out SELECT e2.k AS k, e1.n AS first, e2.n AS second
                FROM SEQUENCE (EVERY e1=S[v = 1] -> e2=S[v = 2]);
                """)
                .send(1, "a", 1, 1).send(2, "b", 9, 2).send(3, "a", 2, 3) // b's event between a's two
                .send(4, "b", 1, 4).send(5, "b", 1, 5) // b's own event resets b's sequence: it starts at 5
                .send(6, "a", 1, 6).send(7, "b", 2, 7).send(8, "a", 2, 8)
                .expect("3:[a, 1, 3]", "7:[b, 5, 7]", "8:[a, 6, 8]");
    }

    @Test
    void anAbsentElementRunsItsTimerPerKeyInVirtualTime() {
        partitioned("", """
                INSERT INTO Out SELECT e1.k AS k, e1.n AS n FROM PATTERN (EVERY e1=S[v = 1] -> NOT S[v = 2] FOR 5 SECONDS);
                """)
                // b's v = 2 cancels b's wait only
                .send(1000, "a", 1, 1).send(2000, "b", 1, 2).send(3000, "b", 2, 3).advance(10_000)
                .send(12_000, "b", 1, 5).send(13_000, "a", 1, 6).send(14_000, "a", 2, 7).advance(16_999)
                .advance(20_000)
                .expect("6000:[a, 1]", "17000:[b, 5]");
    }

    @Test
    void anAbsentFirstElementCountsFromTheKeysFirstEvent() {
        partitioned("", """
                INSERT INTO Out SELECT e2.k AS k, e2.n AS n FROM PATTERN (NOT S[v = 2] FOR 1 SECOND -> e2=S[v = 1]);
                """)
                // a's machine starts at 1000 (its first event is too early for it); b's at 1500, where its own
                // v = 2 starts the wait again
                .send(1000, "a", 1, 1).send(1500, "b", 2, 2).send(2000, "a", 1, 3).send(2000, "b", 1, 4)
                .send(2600, "b", 1, 5).send(2700, "a", 1, 6)
                .expect("2000:[a, 3]", "2600:[b, 5]");
    }

    @Test
    void withinTimeBoundsEachKeysPartialMatches() {
        partitioned("", """
                INSERT INTO Out SELECT e2.k AS k, e1.n AS first, e2.n AS second
                FROM PATTERN (EVERY e1=S[v = 1] -> e2=S[v = 2]) WITHIN 1 SECOND;
                """)
                .send(0, "a", 1, 1).send(500, "b", 1, 2).send(1200, "b", 2, 3).send(1400, "a", 2, 4)
                .send(2000, "a", 1, 5).send(2900, "a", 2, 6)
                .expect("1200:[b, 2, 3]", "2900:[a, 5, 6]");
    }

    @Test
    void withinEventsCountsOnlyTheKeysEvents() {
        partitioned("", """
                INSERT INTO Out SELECT e2.k AS k, e1.n AS first, e2.n AS second
                FROM PATTERN (EVERY e1=S[v = 1] -> e2=S[v = 2]) WITHIN 2 EVENTS;
                """)
                // four events in all between a's 1 and 4, but only two of a
                .send(1, "a", 1, 1).send(2, "b", 0, 2).send(3, "b", 0, 3).send(4, "a", 2, 4)
                .send(5, "b", 1, 5).send(6, "b", 0, 6).send(7, "b", 2, 7)
                .expect("4:[a, 1, 4]");
    }

    @Test
    void rangePartitionsRunAPatternPerLabel() {
        Scenario.of(S + """
                PARTITION WITH (v < 100 AS 'low' OR v >= 100 AS 'high' OF S) BEGIN
                  INSERT INTO Out SELECT e1.v AS first, e2.v AS second FROM PATTERN (EVERY e1=S -> e2=S[v > e1.v]);
                END;
                """)
                .send(1, "x", 50, 1).send(2, "x", 150, 2).send(3, "x", 60, 3).send(4, "x", 120, 4)
                .send(5, "x", 200, 5)
                .expect("3:[50, 60]", "5:[150, 200]", "5:[120, 200]");
    }

    @Test
    void aPurgedKeyDropsItsPartialMatchesAndCancelsItsTimers() {
        // 'a' is idle from 1000 and purged at 3000: its wait (due 6000) and its partial match e1 = 1 go
        // with it; 'b' stays alive (an event every 1.5 s)
        partitioned(" WITH ('partition.idle.timeout' = '2 SECONDS')", """
                INSERT INTO Out SELECT e1.k AS k, e1.n AS first, 0 AS second
                FROM PATTERN (EVERY e1=S[v = 1] -> NOT S[v = 2] FOR 5 SECONDS);
                INSERT INTO Out SELECT e1.k AS k, e1.n AS first, e2.n AS second
                FROM PATTERN (EVERY e1=S[v = 1] -> e2=S[v = 2]);
                """)
                .send(1000, "a", 1, 1).send(1000, "b", 1, 2).send(2500, "b", 0, 3).send(4000, "b", 0, 4)
                .send(5500, "b", 0, 5).send(6500, "b", 2, 6).send(7000, "a", 2, 7).advance(20_000)
                .expect("6000:[b, 2, 0]", "6500:[b, 2, 6]");
    }
}
