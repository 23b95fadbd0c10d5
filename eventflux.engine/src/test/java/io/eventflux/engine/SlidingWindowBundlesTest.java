package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/**
 * The sliding window bundles through SQL (SQL.md 3.1, 3.3): exact current and expired rows, their
 * timestamps, and the same output after a snapshot and restore at every step.
 */
class SlidingWindowBundlesTest {
    private static final String S = "CREATE STREAM S (k STRING, v INT);\n";
    private static final String ST = "CREATE STREAM S (k STRING, v INT, t LONG);\n";

    @Test
    void lengthExpiresTheOldestWhenFull() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('length', 2);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3).send(4, "d", 4)
                .expect("1:[a, 1]", "2:[b, 2]", "3:expired:[a, 1]", "3:[c, 3]", "4:expired:[b, 2]", "4:[d, 4]");
    }

    @Test
    void lengthAggregatesSubtractExpiredEventsAndEveryRowOfAStepCarriesTheResult() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT sum(v) AS s, count() AS n FROM S WINDOW('length', 2);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3).send(4, "d", 4)
                .expect("1:[1, 1]", "2:[3, 2]", "3:expired:[5, 2]", "3:[5, 2]", "4:expired:[7, 2]", "4:[7, 2]");
    }

    @Test
    void insertExpiredEventsEmitsOnlyDepartures() {
        Scenario.of(S + "INSERT EXPIRED EVENTS INTO Out SELECT k, v FROM S WINDOW('length', 1);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 3)
                .expect("2:expired:[a, 1]", "3:expired:[b, 2]");
    }

    @Test
    void timeExpiresOnTimersStampedWithTheExpiryTime() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S WINDOW('time', 1 SECOND);")
                .send(0, "a", 1).send(500, "b", 2).advance(1200).send(1600, "c", 4).advance(3000)
                .expect("0:[a, 1]", "500:[b, 3]", "1000:expired:[a, 2]", "1500:expired:[b, null]", "1600:[c, 4]",
                        "2600:expired:[c, null]");
    }

    @Test
    void timeWithGroupByEmitsOneRowForTheEventsOwnGroup() {
        Scenario.of(S + "INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('time', 1 SECOND) GROUP BY k;")
                .send(0, "a", 1).send(100, "b", 2).send(200, "a", 3).send(1100, "a", 4).advance(3000)
                .expect("0:[a, 1]", "100:[b, 2]", "200:[a, 4]", "1100:[a, 7]");
    }

    @Test
    void externalTimeExpiresOnTheAttributesTime() {
        Scenario.of(ST + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S WINDOW('externalTime', t, 1 SECOND);")
                .send(10, "a", 1, 1000L).send(20, "b", 2, 1500L).send(30, "c", 3, 2100L).send(40, "d", 4, 2600L)
                .expect("10:[a, 1]", "20:[b, 3]", "2000:expired:[a, 5]", "30:[c, 5]", "2500:expired:[b, 7]",
                        "40:[d, 7]");
    }

    @Test
    void timeLengthExpiresByCountAndByTime() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('timeLength', 1 SECOND, 2);")
                .send(0, "a", 1).send(100, "b", 2).send(200, "c", 3).advance(1500)
                .expect("0:[a, 1]", "100:[b, 2]", "200:expired:[a, 1]", "200:[c, 3]", "1100:expired:[b, 2]",
                        "1200:expired:[c, 3]");
    }

    @Test
    void sortKeepsTheFirstNInSortOrderAndPushesOutTheLast() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('sort', 2, v);")
                .send(1, "a", 5).send(2, "b", 3).send(3, "c", 4).send(4, "d", 9)
                .expect("1:[a, 5]", "2:[b, 3]", "3:[c, 4]", "3:expired:[a, 5]", "4:[d, 9]", "4:expired:[d, 9]");
    }

    @Test
    void sortDescendingOnAString() {
        Scenario.of(S + "INSERT EXPIRED EVENTS INTO Out SELECT k, v FROM S WINDOW('sort', 2, k, 'desc');")
                .send(1, "b", 1).send(2, "c", 2).send(3, "a", 3).send(4, "d", 4)
                .expect("3:expired:[a, 3]", "4:expired:[b, 1]");
    }

    @Test
    void uniqueReplacesTheEventOfItsKey() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s FROM S WINDOW('unique', k);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3)
                .expect("1:[a, 1]", "2:[b, 3]", "3:expired:[a, 5]", "3:[a, 5]");
    }

    @Test
    void firstUniqueDropsLaterEventsOfAKey() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, count() AS n FROM S WINDOW('firstUnique', k);")
                .send(1, "a", 1).send(2, "a", 2).send(3, "b", 3)
                .expect("1:[a, 1]", "3:[b, 2]");
    }

    @Test
    void delayReleasesEachEventStampedWithItsReleaseTime() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('delay', 1 SECOND);")
                .send(0, "a", 1).send(300, "b", 2).advance(1000).send(1500, "c", 3).advance(2600)
                .expect("1000:[a, 1]", "1300:[b, 2]", "2500:[c, 3]");
    }

    @Test
    void frequentCountsMisraGriesAndExpiresEvictedKeys() {
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('frequent', 2, k);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).send(4, "c", 4).send(5, "d", 5)
                .expect("1:[a, 1]", "2:[b, 2]", "3:[a, 3]", "4:expired:[b, 2]", "4:[c, 4]", "5:expired:[a, 3]",
                        "5:expired:[c, 4]", "5:[d, 5]");
    }

    @Test
    void lossyFrequentReportsFrequentKeysAndPrunesAtBucketEnds() {
        // support 0.5, error 0.25: threshold 0.25 * N, buckets of 4 events
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('lossyFrequent', 0.5, 0.25, k);")
                .send(1, "a", 1).send(2, "a", 2).send(3, "b", 3).send(4, "c", 4).send(5, "d", 5).send(6, "a", 6)
                .expect("1:[a, 1]", "2:[a, 2]", "3:[b, 3]", "4:[c, 4]", "4:expired:[b, 3]", "4:expired:[c, 4]",
                        "6:[a, 6]");
    }
}
