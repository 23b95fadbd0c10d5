package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every form of output rate limiting (SQL.md 3.7): ALL, FIRST, LAST every n events and every d, with and
 * without GROUP BY, and OUTPUT SNAPSHOT; periods across groups, held rows keep their own times, a partial
 * period flushed on shutdown, and the same output after a snapshot and restore at every step.
 */
class OutputRateLimitingTest {
    private static final String S = "CREATE STREAM S (k STRING, v INT);\n";

    /**
     * Seven events; with EVERY 3 EVENTS the periods are e1-e3, e4-e6, e7 (flushed at shutdown); with
     * EVERY 1 SECOND from the first event (100) they are [100, 1100): e1-e3, [1100, 2100): e4-e5 (an
     * event at a period's end opens the next), [2100, 3100): e6, [3100, 4100): e7 (flushed at shutdown).
     */
    private static Scenario input(String output, boolean grouped) {
        return Scenario.of(S + "INSERT INTO Out SELECT k, v FROM S" + (grouped ? " GROUP BY k " : " ") + output + ";")
                .send(100, "a", 1).send(200, "b", 2).send(300, "a", 3).send(1100, "b", 4).send(1200, "b", 5)
                .send(2500, "a", 6).send(4000, "b", 7);
    }

    private static final String[] ALL = {"100:[a, 1]", "200:[b, 2]", "300:[a, 3]", "1100:[b, 4]", "1200:[b, 5]",
        "2500:[a, 6]", "4000:[b, 7]"};

    @ParameterizedTest
    @CsvSource({"EVERY 3 EVENTS, false", "EVERY 3 EVENTS, true", "EVERY 1 SECOND, false", "EVERY 1 SECOND, true"})
    void allEmitsThePeriodsRowsAtItsEnd(String period, boolean grouped) {
        Scenario s = input("OUTPUT ALL " + period, grouped).expect(ALL);
        List<Integer> sizes = s.chunks().stream().map(List::size).toList();
        assertThat(sizes).isEqualTo(period.contains("EVENTS") ? List.of(3, 3, 1) : List.of(3, 2, 1, 1));
    }

    @Test
    void firstEveryNEvents() {
        input("OUTPUT FIRST EVERY 3 EVENTS", false).expect("100:[a, 1]", "1100:[b, 4]", "4000:[b, 7]");
    }

    @Test
    void firstEveryNEventsPerGroup() {
        input("OUTPUT FIRST EVERY 3 EVENTS", true)
                .expect("100:[a, 1]", "200:[b, 2]", "1100:[b, 4]", "2500:[a, 6]", "4000:[b, 7]");
    }

    @Test
    void lastEveryNEvents() {
        input("OUTPUT LAST EVERY 3 EVENTS", false).expect("300:[a, 3]", "2500:[a, 6]", "4000:[b, 7]");
    }

    @Test
    void lastEveryNEventsPerGroupInOrderOfFirstAppearance() {
        input("OUTPUT LAST EVERY 3 EVENTS", true)
                .expect("300:[a, 3]", "200:[b, 2]", "1200:[b, 5]", "2500:[a, 6]", "4000:[b, 7]");
    }

    @Test
    void firstEveryDuration() {
        input("OUTPUT FIRST EVERY 1 SECOND", false).expect("100:[a, 1]", "1100:[b, 4]", "2500:[a, 6]", "4000:[b, 7]");
    }

    @Test
    void firstEveryDurationPerGroup() {
        input("OUTPUT FIRST EVERY 1 SECOND", true)
                .expect("100:[a, 1]", "200:[b, 2]", "1100:[b, 4]", "2500:[a, 6]", "4000:[b, 7]");
    }

    @Test
    void lastEveryDuration() {
        Scenario s = input("OUTPUT LAST EVERY 1 SECOND", false)
                .expect("300:[a, 3]", "1200:[b, 5]", "2500:[a, 6]", "4000:[b, 7]");
        assertThat(s.chunks()).hasSize(4);
    }

    @Test
    void lastEveryDurationPerGroup() {
        input("OUTPUT LAST EVERY 1 SECOND", true)
                .expect("300:[a, 3]", "200:[b, 2]", "1200:[b, 5]", "2500:[a, 6]", "4000:[b, 7]");
    }

    @Test
    void timerRowsInLaterPeriodsAreNotMergedWhenTimeJumps() {
        // expiries at 1500 and 2400 fall in different periods even though time jumps from 900 to 5000
        Scenario.of(S + "INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('time', 1500) OUTPUT LAST EVERY 1 SECOND;")
                .send(0, "a", 1).send(900, "b", 2).advance(5000)
                .expect("900:[b, 2]", "1500:expired:[a, 1]", "2400:expired:[b, 2]");
    }

    @Test
    void rowsMadeAtAPeriodsEndBelongToTheNextPeriod() {
        // the timeBatch flush at 1000 and the period end at 1000 coincide: the flush's row opens period 2
        Scenario.of(S + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('timeBatch', 500) OUTPUT FIRST EVERY 1 SECOND;")
                .send(0, "a", 1).send(600, "b", 2).advance(1000).send(1100, "c", 4).advance(3000)
                .expect("500:[1]", "1000:[2]");
    }

    // ---- OUTPUT SNAPSHOT

    @Test
    void snapshotOfGroupedAggregatesOverATimeWindow() {
        Scenario.of(S + "INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('time', 2 SECONDS) GROUP BY k "
                        + "OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(500, "b", 2).send(1500, "a", 3).advance(6000)
                // at 2000 the event of 0 has expired (expiry timers fire before the snapshot); empty at 4000
                .expect("1000:[a, 1]", "1000:[b, 2]", "2000:[a, 3]", "2000:[b, 2]", "3000:[a, 3]");
    }

    @Test
    void snapshotOfOneAggregateRowWithoutWindowRepeatsEveryPeriod() {
        Scenario.of(S + "INSERT INTO Out SELECT count() AS n, sum(v) AS s FROM S OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(100, "a", 1).send(300, "b", 2).advance(2100).send(2500, "c", 3).advance(3200)
                .expect("1100:[2, 3]", "2100:[2, 3]", "3100:[3, 6]");
    }

    @Test
    void snapshotOfAWindowsContentsWithoutAggregates() {
        Scenario.of(S + "INSERT INTO Out SELECT k, v FROM S WINDOW('length', 2) OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(200, "b", 2).send(400, "c", 3).advance(1000).send(1500, "d", 4).advance(2000)
                .expect("1000:[b, 2]", "1000:[c, 3]", "2000:[c, 3]", "2000:[d, 4]");
    }

    @Test
    void snapshotOfTheLastFlushedBatchPerGroup() {
        Scenario.of(S + "INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('lengthBatch', 2) GROUP BY k "
                        + "OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(100, "b", 2).send(200, "a", 3).advance(1000).send(1500, "a", 4).advance(2000)
                .expect("1000:[a, 1]", "1000:[b, 2]", "2000:[a, 7]");
    }

    @Test
    void snapshotSeesATimeBatchFlushDueAtTheSameTime() {
        Scenario.of(S + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('timeBatch', 1 SECOND) "
                        + "OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(400, "b", 2).advance(1000).send(1200, "c", 4).advance(2500)
                .expect("1000:[3]", "2000:[4]");
    }

    @Test
    void snapshotOfTheLatestRowPerGroupWithoutWindowOrAggregates() {
        Scenario.of(S + "INSERT INTO Out SELECT k, v FROM S GROUP BY k OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(100, "b", 2).send(200, "a", 3).advance(1000)
                .expect("1000:[a, 3]", "1000:[b, 2]");
    }

    @Test
    void snapshotAppliesHavingAndOrderBy() {
        Scenario.of(S + "INSERT INTO Out SELECT k, sum(v) AS s FROM S GROUP BY k HAVING sum(v) > 1 ORDER BY s DESC "
                        + "OUTPUT SNAPSHOT EVERY 1 SECOND;")
                .send(0, "a", 1).send(100, "b", 2).send(200, "c", 5).advance(1000)
                .expect("1000:[c, 5]", "1000:[b, 2]");
    }
}
