package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/**
 * Partitions meeting the other features (SQL.md 3.8): the app's tables read and written by every key's
 * instance, join windows whose timers go with a purged key, and unpartitioned streams read inside a
 * partition (their events go to every live instance, in creation order, and create none). Every scenario
 * also runs snapshot -> restore -> continue at every step.
 */
class PartitionSeamsTest {
    @Test
    void timersOfTwoPartitionsInstancesDueTogetherFireInTheOrderTheInstancesWereMadeAfterARestoreToo() {
        // instances are made a (k), x (g), b (k), y (g); a restore rebuilds partition by partition (a, b,
        // then x, y), and their expiries at 1000 must still come out in the order of the uninterrupted run
        Scenario.of("""
                CREATE STREAM S (k STRING, g STRING, v INT);
                PARTITION WITH (k OF S) BEGIN
                  INSERT EXPIRED EVENTS INTO Out SELECT k, g, v FROM S WINDOW('time', 1 SECOND);
                END;
                PARTITION WITH (g OF S) BEGIN
                  INSERT EXPIRED EVENTS INTO Out SELECT g, k, v FROM S WINDOW('time', 1 SECOND);
                END;
                """)
                .send(0, "a", "x", 1).send(0, "b", "y", 2).advance(2000)
                .expect("1000:expired:[a, x, 1]", "1000:expired:[x, a, 1]", "1000:expired:[b, y, 2]",
                        "1000:expired:[y, b, 2]");
    }

    @Test
    void aPartitionedQueryJoinsTheAppsTable() {
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM Names (k STRING, name STRING);
                CREATE TABLE T (k STRING PRIMARY KEY, name STRING);
                INSERT INTO T SELECT k, name FROM Names;
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO Out SELECT s.k AS k, T.name AS name, sum(s.v) AS total FROM S AS s JOIN T ON s.k = T.k;
                END;
                """)
                .sendTo("Names", 1, "a", "Alice").sendTo("Names", 2, "b", "Bob")
                .send(3, "a", 1).send(4, "b", 2).send(5, "c", 9).send(6, "a", 3)
                .sendTo("Names", 7, "c", "Carol").send(8, "c", 4)
                .expect("3:[a, Alice, 1]", "4:[b, Bob, 2]", "6:[a, Alice, 4]", "8:[c, Carol, 4]");
    }

    @Test
    void aPartitionedQueryInsertsIntoTheAppsTable() {
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM Q (k STRING);
                CREATE TABLE T (k STRING, total LONG);
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO T SELECT k, sum(v) AS total FROM S;
                END;
                INSERT INTO Out SELECT q.k AS k, T.total AS total FROM Q AS q JOIN T ON q.k = T.k;
                """)
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3)
                .sendTo("Q", 4, "a").sendTo("Q", 5, "b").sendTo("Q", 6, "c")
                .expect("4:[a, 1]", "4:[a, 4]", "5:[b, 2]");
    }

    @Test
    void aPurgedKeysJoinWindowTimersDoNothing() {
        // 'a' is idle from 1000 and purged at 3000: its S row would expire at 6000 with a match in R; 'b'
        // stays alive (an event every 1.5 s) and its S row expires at 6000 against R's row of 2500
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM R (k STRING, w INT);
                PARTITION WITH (k OF S, k OF R) WITH ('partition.idle.timeout' = '2 SECONDS') BEGIN
                  INSERT EXPIRED EVENTS INTO Out SELECT s.k AS k, s.v AS v, r.w AS w
                  FROM S AS s WINDOW('time', 5 SECONDS) JOIN R AS r WINDOW('time', 5 SECONDS) ON s.v = r.w;
                END;
                """)
                .send(1000, "a", 1).sendTo("R", 1000, "a", 1).send(1000, "b", 1).sendTo("R", 2500, "b", 1)
                .send(4000, "b", 9).send(5500, "b", 9).send(7000, "b", 9).advance(20_000)
                .expect("6000:expired:[b, 1, 1]");
    }

    @Test
    void anUnpartitionedStreamReachesEveryLiveKeyInCreationOrder() {
        // C creates no key and does not keep one alive; at 3000 b goes first: created first, though seen
        // last (access order a, b)
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM C (x INT);
                PARTITION WITH (k OF S) WITH ('partition.idle.timeout' = '10 SECONDS') BEGIN
                  INSERT INTO Out SELECT x, count() AS n FROM C;
                END;
                """)
                .sendTo("C", 500, 0).send(1000, "b", 0).sendTo("C", 1500, 1)
                .send(2000, "a", 0).send(2500, "b", 0).sendTo("C", 3000, 2)
                // a is purged at 12000, b (seen at 11000) at 21000: C at 20000 does not keep it
                .send(11_000, "b", 0).sendTo("C", 13_000, 3).sendTo("C", 20_000, 4).advance(22_000)
                .sendTo("C", 23_000, 5).send(24_000, "b", 0).sendTo("C", 25_000, 6)
                .expect("1500:[1, 1]", "3000:[2, 2]", "3000:[2, 1]", "13000:[3, 3]", "20000:[4, 4]",
                        "25000:[6, 1]");
    }

    @Test
    void aPartitionedStreamJoinsAnUnpartitionedWindowedStreamPerKey() {
        // each key's instance has its own window over C, holding what came since the key's first event
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM C (x INT);
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO Out SELECT s.k AS k, s.v AS v, c.x AS x FROM S AS s JOIN C AS c WINDOW('length', 2)
                  ON s.v < c.x;
                END;
                """)
                .sendTo("C", 1, 10).send(2, "a", 1).sendTo("C", 3, 20).send(4, "a", 5).send(5, "b", 5)
                .sendTo("C", 6, 30).send(7, "b", 25).send(8, "a", 25).sendTo("C", 9, 40).sendTo("C", 10, 50)
                .send(11, "a", 45).send(12, "b", 1)
                .expect("4:[a, 5, 20]", "7:[b, 25, 30]", "8:[a, 25, 30]", "11:[a, 45, 50]", "12:[b, 1, 40]",
                        "12:[b, 1, 50]");
    }

    @Test
    void aPartitionedInsertIntoAStreamItAlsoReadsGoesThroughTheApp() {
        // what a's instance inserts into C reaches every instance (C is the app's stream)
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM C (x INT);
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO C SELECT v AS x FROM S WHERE v > 0;
                  INSERT INTO Out SELECT x, count() AS n FROM C;
                END;
                """)
                .send(1, "a", 0).send(2, "b", 0).send(3, "a", 7).sendTo("C", 4, 8)
                .expect("3:[7, 1]", "3:[7, 1]", "4:[8, 2]", "4:[8, 2]");
    }

    @Test
    void aPurgedKeysJoinSnapshotOutputStops() {
        // a key's OUTPUT SNAPSHOT period starts at its first event; 'a' (idle from 100) is purged at 2100
        // and snapshots no more, 'b' is kept alive by an event every 1.5 s until 4600, purged at 6600
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM R (k STRING, w INT);
                PARTITION WITH (k OF S, k OF R) WITH ('partition.idle.timeout' = '2 SECONDS') BEGIN
                  INSERT INTO Out SELECT count() AS n FROM S AS s WINDOW('length', 5) JOIN R AS r WINDOW('length', 5)
                  ON s.v = r.w OUTPUT SNAPSHOT EVERY 1 SECOND;
                END;
                """)
                .send(0, "a", 1).sendTo("R", 100, "a", 1).send(100, "b", 1).sendTo("R", 100, "b", 1)
                .send(1600, "b", 9).send(3100, "b", 9).send(4600, "b", 9).advance(10_000)
                .expect("1000:[1]", "1100:[1]", "2000:[1]", "2100:[1]", "3100:[1]", "4100:[1]", "5100:[1]",
                        "6100:[1]");
    }

    @Test
    void aPatternInsideAPartitionMatchesAnUnpartitionedStreamPerKey() {
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                CREATE STREAM C (x INT);
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO Out SELECT e1.k AS k, e1.v AS v, e2.x AS x FROM PATTERN (EVERY e1=S -> e2=C[x > e1.v]);
                END;
                """)
                .sendTo("C", 1, 100).send(2, "a", 5).send(3, "b", 50).sendTo("C", 4, 10).sendTo("C", 5, 60)
                .send(6, "a", 70).sendTo("C", 7, 80)
                .expect("4:[a, 5, 10]", "5:[b, 50, 60]", "7:[a, 70, 80]");
    }
}
