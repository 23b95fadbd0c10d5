package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Partitions (SQL.md 3.8): one independent instance of every query per key, with its own window,
 * aggregate, rate limiter and timer state; inner streams per instance; idle keys purged. Scenarios also
 * check snapshot, restore and continue at every step.
 */
class PartitionTest {
    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void conformanceCase09RunningSumPerKey() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE STREAM Trades (symbol STRING, volume LONG);
                PARTITION WITH (symbol OF Trades)
                BEGIN
                  INSERT INTO Totals SELECT symbol, sum(volume) AS total FROM Trades;
                END;
                """, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Totals", out);
        InputHandler in = app.inputHandler("Trades");
        in.send(1, new Object[] {"x", 1L});
        in.send(2, new Object[] {"x", 2L});
        in.send(3, new Object[] {"y", 3L});
        app.shutdown();
        assertThat(out.rows()).containsExactly("1:[x, 1]", "2:[x, 3]", "3:[y, 3]");
        assertThat(app.outputStreams()).extracting(s -> s.name()).containsExactly("Totals");
    }

    @Test
    void valuePartitionKeepsAWindowPerKey() {
        Scenario.of("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                PARTITION WITH (symbol OF S) BEGIN
                  INSERT INTO Out SELECT symbol, sum(price) AS total, count() AS n FROM S WINDOW('length', 2);
                END;
                """)
                .send(1, "a", 1.0).send(2, "b", 10.0).send(3, "a", 2.0).send(4, "a", 4.0).send(5, "b", 20.0)
                .send(6, "b", 40.0)
                .expect("1:[a, 1.0, 1]", "2:[b, 10.0, 1]", "3:[a, 3.0, 2]", "4:[a, 6.0, 2]", "5:[b, 30.0, 2]",
                        "6:[b, 60.0, 2]");
    }

    @Test
    void rangePartitionByLabel() {
        Scenario.of("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                PARTITION WITH (price < 100 AS 'low' OR price >= 100 AS 'high' OF S) BEGIN
                  INSERT INTO Out SELECT count() AS n, max(price) AS top FROM S;
                END;
                """)
                .send(1, "a", 50.0).send(2, "b", 150.0).send(3, "c", 70.0).send(4, "d", 120.0).send(5, "e", 10.0)
                .expect("1:[1, 50.0]", "2:[1, 150.0]", "3:[2, 70.0]", "4:[2, 150.0]", "5:[3, 70.0]");
    }

    @Test
    void overlappingRangesFeedEveryMatchingInstanceAndUnmatchedEventsAreDropped() {
        Scenario.of("""
                CREATE STREAM S (v INT);
                PARTITION WITH (v > 0 AS 'pos' OR v > 10 AS 'big' OF S) BEGIN
                  INSERT INTO Out SELECT count() AS n, sum(v) AS total FROM S;
                END;
                """)
                .send(1, 5).send(2, 20).send(3, -4).send(4, 1)
                .expect("1:[1, 5]", "2:[2, 25]", "2:[1, 20]", "4:[3, 26]");
    }

    @Test
    void innerStreamsAreLocalToTheKey() {
        Scenario.of("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                PARTITION WITH (symbol OF S) BEGIN
                  CREATE STREAM #Avg (symbol STRING, a DOUBLE);
                  INSERT INTO #Avg SELECT symbol, avg(price) AS a FROM S WINDOW('length', 2);
                  INSERT INTO #Counted SELECT symbol, a, count() AS n FROM #Avg;
                  INSERT INTO Out SELECT symbol, a, n FROM #Counted WHERE n >= 2;
                END;
                """)
                .send(1, "a", 10.0).send(2, "b", 100.0).send(3, "a", 20.0).send(4, "b", 300.0).send(5, "a", 40.0)
                .expect("3:[a, 15.0, 2]", "4:[b, 200.0, 2]", "5:[a, 30.0, 3]");
    }

    @Test
    void timeBatchTimersAndRateLimitersRunPerKey() {
        Scenario.of("""
                CREATE STREAM S (symbol STRING, v INT);
                PARTITION WITH (symbol OF S) BEGIN
                  INSERT INTO Out SELECT symbol, sum(v) AS total FROM S WINDOW('timeBatch', 1 SECOND);
                END;
                """)
                .send(100, "a", 1).send(600, "b", 10).send(700, "a", 2).send(1200, "a", 4).send(1500, "b", 20) // b: 600..1600
                .advance(3000)
                .expect("1100:[a, 3]", "1600:[b, 30]", "2100:[a, 4]");
    }

    @Test
    void outputRateLimitingPerKey() {
        Scenario.of("""
                CREATE STREAM S (symbol STRING, v INT);
                PARTITION WITH (symbol OF S) BEGIN
                  INSERT INTO Out SELECT symbol, v FROM S OUTPUT LAST EVERY 2 EVENTS;
                END;
                """)
                .send(1, "a", 1).send(2, "b", 2).send(3, "b", 3).send(4, "a", 4).send(5, "a", 5)
                .expect("3:[b, 3]", "4:[a, 4]", "5:[a, 5]");
    }

    @Test
    void timeBasedRateLimitingPerKeyStartsWithTheKey() {
        // each key's periods start at its first event (its instance's start): a at 1000, b at 1500
        Scenario.of("""
                CREATE STREAM S (symbol STRING, v INT);
                PARTITION WITH (symbol OF S) BEGIN
                  INSERT INTO Out SELECT symbol, v FROM S OUTPUT LAST EVERY 1 SECOND;
                END;
                """)
                .send(1000, "a", 1).send(1500, "b", 2).send(1800, "a", 3).send(2200, "b", 4).send(2600, "a", 5)
                .advance(4000)
                .expect("1800:[a, 3]", "2200:[b, 4]", "2600:[a, 5]");
    }

    @Test
    void idleKeysArePurgedWithTheirState() {
        Scenario.of("""
                CREATE STREAM S (symbol STRING, v INT);
                PARTITION WITH (symbol OF S) WITH ('partition.idle.timeout' = '10 SECONDS') BEGIN
                  INSERT INTO Out SELECT symbol, sum(v) AS total FROM S;
                END;
                """)
                .send(1000, "a", 1).send(5000, "b", 2).send(9000, "a", 3)
                // b is idle from 5000: purged at 15000; a (last seen 9000) survives until 19000
                .send(16000, "b", 10).send(18000, "a", 100)
                .advance(40000).send(41000, "a", 7)
                .expect("1000:[a, 1]", "5000:[b, 2]", "9000:[a, 4]", "16000:[b, 10]", "18000:[a, 104]", "41000:[a, 7]");
    }

    @Test
    void aPurgedKeysPendingTimersDoNothing() {
        // both batches would flush at 6000; 'a' is idle from 1000 and purged at 3000 with its window and
        // timer, while 'b' stays alive (an event every 1.5 s)
        Scenario.of("""
                CREATE STREAM S (symbol STRING, v INT);
                PARTITION WITH (symbol OF S) WITH ('partition.idle.timeout' = '2 SECONDS') BEGIN
                  INSERT INTO Out SELECT symbol, sum(v) AS total FROM S WINDOW('timeBatch', 5 SECONDS);
                END;
                """)
                .send(1000, "a", 1).send(1000, "b", 2).send(2500, "b", 3).send(4000, "b", 4).send(5500, "b", 5)
                .advance(8000)
                .expect("6000:[b, 14]");
    }

    @Test
    void twoStreamsShareTheKeyInstances() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE STREAM Orders (sym STRING, qty INT);
                CREATE STREAM Cancels (symbol STRING, qty INT);
                PARTITION WITH (sym OF Orders, symbol OF Cancels) BEGIN
                  INSERT INTO #Moves SELECT sym AS symbol, qty FROM Orders;
                  INSERT INTO #Moves SELECT symbol, 0 - qty AS qty FROM Cancels;
                  INSERT INTO Open SELECT symbol, sum(qty) AS open FROM #Moves;
                END;
                """, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Open", out);
        app.inputHandler("Orders").send(1, new Object[] {"x", 5});
        app.inputHandler("Orders").send(2, new Object[] {"y", 7});
        app.inputHandler("Cancels").send(3, new Object[] {"x", 2});
        app.inputHandler("Orders").send(4, new Object[] {"x", 1});
        app.shutdown();
        assertThat(out.rows()).containsExactly("1:[x, 5]", "2:[y, 7]", "3:[x, 3]", "4:[x, 4]");
    }

    @Test
    void aChunkIsSplitByKeyInFirstAppearanceOrder() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE STREAM S (k STRING, v INT);
                PARTITION WITH (k OF S) BEGIN
                  INSERT INTO Out SELECT k, sum(v) AS total FROM S WINDOW('lengthBatch', 2);
                END;
                """, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(java.util.List.of(new Event(1, new Object[] {"b", 1}),
                new Event(1, new Object[] {"a", 2}), new Event(1, new Object[] {"b", 3}),
                new Event(1, new Object[] {"a", 4})));
        app.shutdown();
        assertThat(out.rows()).containsExactly("1:[b, 4]", "1:[a, 6]");
        assertThat(out.chunks()).hasSize(2);
    }
}
