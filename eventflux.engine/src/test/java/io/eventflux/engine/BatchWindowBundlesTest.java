package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The batch window bundles through SQL (SQL.md 3.2, 3.3): one row per group per flush stamped with the
 * flush time, the expired batch first under INSERT ALL EVENTS, boundaries kept by timers across empty
 * batches, and the same output after a snapshot and restore at every step.
 */
class BatchWindowBundlesTest {
    private static final String S = "CREATE STREAM S (k STRING, v INT);\n";
    private static final String ST = "CREATE STREAM S (k STRING, v INT, t LONG);\n";

    @Test
    void lengthBatchEmitsOneRowPerGroupPerFlushAndTheExpiredBatchFirst() {
        Scenario s = Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S "
                        + "WINDOW('lengthBatch', 3) GROUP BY k;")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).send(4, "b", 4).send(5, "b", 5).send(6, "c", 6)
                .send(7, "a", 7)
                .expect("3:[a, 4]", "3:[b, 2]", "6:expired:[a, 4]", "6:expired:[b, 2]", "6:[b, 9]", "6:[c, 6]");
        assertThat(s.chunks()).hasSize(2);
    }

    @Test
    void lengthBatchWithoutAggregatesEmitsTheEventsWithTheirOwnTimes() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('lengthBatch', 2);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3).send(4, "d", 4)
                .expect("1:[a, 1]", "2:[b, 2]", "4:expired:[a, 1]", "4:expired:[b, 2]", "3:[c, 3]", "4:[d, 4]");
    }

    @Test
    void timeBatchKeepsItsGridAcrossEmptyBatchesAndFlushesOnTimers() {
        // first event at 100: boundaries 1100, 2100, 3100, 4100 ...
        Scenario s = Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S "
                        + "WINDOW('timeBatch', 1 SECOND) GROUP BY k;")
                .send(100, "a", 1).send(600, "b", 2).send(900, "a", 3).advance(1100).send(3500, "a", 5)
                .advance(4100)
                .expect("1100:[a, 4]", "1100:[b, 2]", "2100:expired:[a, 4]", "2100:expired:[b, 2]", "4100:[a, 5]");
        assertThat(s.chunks()).hasSize(3);
    }

    @Test
    void timeBatchWithAStartTimeAlignsBoundaries() {
        // boundaries 500 + k * 1000: the first event at 1700 closes at 2500
        Scenario.of(S + "INSERT INTO Out SELECT sum(v) AS s, count() AS n FROM S WINDOW('timeBatch', 1 SECOND, 500);")
                .send(1700, "a", 1).send(2400, "b", 2).send(2500, "c", 4).advance(6000)
                .expect("2500:[3, 2]", "3500:[4, 1]");
    }

    @Test
    void tumblingHoursAlignedToTheEpoch() {
        long hour = 3_600_000L;
        Scenario.of(S + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('tumbling', 1 HOUR, 0);")
                .send(5 * hour + 123, "a", 1).send(5 * hour + 1_000_000, "b", 2).advance(6 * hour)
                .send(7 * hour + 100_000, "a", 4).advance(8 * hour)
                .expect(6 * hour + ":[3]", 8 * hour + ":[4]");
    }

    @Test
    void timeBatchWithoutAggregatesFlushesTheBatchInArrivalOrder() {
        Scenario.of(S + "INSERT INTO Out SELECT k, v FROM S WINDOW('timeBatch', 1 SECOND);")
                .send(0, "a", 1).send(10, "b", 2).advance(999).send(1000, "c", 3).advance(2000)
                .expect("0:[a, 1]", "10:[b, 2]", "1000:[c, 3]");
    }

    @Test
    void hoppingEmitsEveryWindowWhenItEnds() {
        // windows [E - 2000, E) ending at every multiple E of 1000
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT sum(v) AS s, count() AS n FROM S "
                        + "WINDOW('hopping', 2 SECONDS, 1 SECOND);")
                .send(500, "a", 1).send(1500, "b", 2).advance(6000)
                .expect("1000:[1, 1]", "2000:expired:[1, 1]", "2000:[3, 2]", "3000:expired:[3, 2]", "3000:[2, 1]",
                        "4000:expired:[2, 1]");
    }

    @Test
    void slidingWithoutAggregatesReportsAnEventOncePerWindow() {
        Scenario.of(S + "INSERT INTO Out SELECT k, v FROM S WINDOW('sliding', 2 SECONDS, 1 SECOND);")
                .send(500, "a", 1).send(1500, "b", 2).advance(3000)
                .expect("500:[a, 1]", "500:[a, 1]", "1500:[b, 2]", "1500:[b, 2]");
    }

    @Test
    void externalTimeBatchFlushesWhenTheAttributesTimeReachesTheBoundary() {
        Scenario.of(ST + "INSERT ALL EVENTS INTO Out SELECT sum(v) AS s FROM S WINDOW('externalTimeBatch', t, 1 SECOND);")
                .send(1, "a", 1, 1000L).send(2, "b", 2, 1500L).send(3, "c", 3, 2000L).send(4, "d", 4, 3100L)
                .expect("2000:[3]", "3000:expired:[3]", "3000:[3]");
    }

    @Test
    void externalTimeBatchTimeoutFlushesOnTheAppClockStampedWithTheTimer() {
        Scenario.of(ST + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('externalTimeBatch', t, 1 SECOND, 0, 500);")
                .send(10, "a", 1, 1000L).send(20, "b", 2, 1200L).advance(600).send(700, "c", 4, 1900L)
                .send(710, "d", 8, 2000L)
                .expect("520:[3]", "2000:[4]");
    }

    @Test
    void sessionClosesPerKeyAfterTheGapAsOneBatch() {
        Scenario s = Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S "
                        + "WINDOW('session', 1 SECOND, k) GROUP BY k;")
                .send(0, "a", 1).send(500, "a", 2).send(700, "b", 3).advance(2000).send(3000, "a", 5).advance(4000)
                .expect("1500:[a, 3]", "1700:expired:[a, 3]", "1700:[b, 3]", "4000:expired:[b, 3]", "4000:[a, 5]");
        assertThat(s.chunks()).hasSize(3);
    }

    @Test
    void sessionWithAllowedLatencyAcceptsALateEvent() {
        // gap 1000, latency 500: session a (last event 500) stays open until 2000, so the event stamped 200
        // that arrives at 1600 still joins it (without latency it would have closed at 1500)
        Scenario.of(S + "INSERT INTO Out SELECT k, count() AS n, sum(v) AS s FROM S "
                        + "WINDOW('session', 1 SECOND, k, 500) GROUP BY k;")
                .send(0, "a", 1).send(500, "a", 2).advance(1600).send(200, "a", 4).advance(5000)
                .expect("2000:[a, 3, 7]");
    }
}
