package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Independent QA of /work/shared/SQL.md, continued: chunks sent in one call (3.2), statement syntax
 * (intro, 1, 2, 3), a sample of the windows of 3.3 and more pattern rules (3.5).
 */
class SqlMdConformance3Test {
    private static final String KV = "CREATE STREAM S (k STRING, v INT);\n";

    /** Sends the events in one {@code send(List)} call (one chunk) and returns the rows of Out. */
    private static List<String> chunk(String sql, Event... events) throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(sql, DeployOptions.playback());
            Collector out = new Collector();
            app.addCallback("Out", out);
            app.inputHandler("S").send(List.of(events));
            app.shutdown();
            return Scenario.rows(out.events());
        }
    }

    private static Event ev(long ts, Object... data) {
        return new Event(ts, data);
    }

    // ---- 3.2 chunks

    @Test
    void s32OrderByLimitApplyToTheRowsOfOneSendOfSeveralEvents() throws Exception {
        assertThat(chunk(KV + "INSERT INTO Out SELECT k, v FROM S ORDER BY v DESC LIMIT 2;",
                ev(1, "a", 1), ev(2, "b", 5), ev(3, "c", 3))).containsExactly("2:[b, 5]", "3:[c, 3]");
    }

    @Test
    void s32OffsetAppliesPerChunk() throws Exception {
        assertThat(chunk(KV + "INSERT INTO Out SELECT k, v FROM S ORDER BY k LIMIT 1 OFFSET 1;",
                ev(1, "c", 1), ev(2, "a", 5), ev(3, "b", 3))).containsExactly("3:[b, 3]");
    }

    // ---- intro, 1, 2, 3: syntax

    @Test
    void commentsAndCaseInsensitiveKeywords() {
        Scenario.of("-- a line comment\ncreate stream S (k string, v int); /* block\ncomment */\n"
                + "insert into Out select k, v from S where v > 1;")
                .send(1, "a", 1).send(2, "b", 2).expect("2:[b, 2]");
    }

    @Test
    void identifiersAreCaseSensitive() {
        Scenario.of("CREATE STREAM S (k STRING, K INT);\nINSERT INTO Out SELECT K, k FROM S;")
                .send(1, "a", 1).expect("1:[1, a]");
    }

    @Test
    void durationForms() {
        Scenario.of(KV + "INSERT EXPIRED EVENTS INTO Out SELECT k FROM S WINDOW('time', INTERVAL '2' SECOND);")
                .send(0, "a", 1).advance(1999).advance(2000).expect("2000:expired:[a]");
        Scenario.of(KV + "INSERT EXPIRED EVENTS INTO Out SELECT k FROM S WINDOW('time', 100 MILLISECONDS);")
                .send(0, "a", 1).advance(100).expect("100:expired:[a]");
        Scenario.of(KV + "INSERT EXPIRED EVENTS INTO Out SELECT k FROM S WINDOW('time', 1 MINUTE);")
                .send(0, "a", 1).advance(60_000).expect("60000:expired:[a]");
    }

    @Test
    void timestampTypeIsLong() {
        List<Event> events = Scenario.of("CREATE STREAM S (t TIMESTAMP);\nINSERT INTO Out SELECT t FROM S;").send(1, 5L).events();
        assertThat(events.get(0).data()[0]).isInstanceOf(Long.class);
    }

    @Test
    void bareSelectGoesToOutputStreamAndStarExpands() throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(KV + "SELECT * FROM S;", DeployOptions.playback());
            Collector out = new Collector();
            app.addCallback("OutputStream", out);
            app.inputHandler("S").send(1L, new Object[] {"a", 1});
            app.shutdown();
            assertThat(Scenario.rows(out.events())).containsExactly("1:[a, 1]");
        }
    }

    @Test
    void qualifiedStarExpandsInAJoin() {
        Scenario.of("CREATE STREAM A (k STRING, x INT);\nCREATE STREAM B (k STRING, y INT);\n"
                + "INSERT INTO Out SELECT b.*, a.x AS x FROM A AS a WINDOW('length', 2) JOIN B AS b WINDOW('length', 2) ON a.k = b.k;")
                .send("A", 1, "a", 1).send("B", 2, "a", 2).expect("2:[a, 2, 1]");
    }

    @Test
    void distinctDropsDuplicateRows() throws Exception {
        assertThat(chunk(KV + "INSERT INTO Out SELECT DISTINCT k FROM S;", ev(1, "a", 1), ev(2, "a", 2), ev(3, "b", 3)))
                .containsExactly("1:[a]", "3:[b]");
    }

    @Test
    void triggerAtStartDefinesStreamWithTriggeredTime() {
        Scenario.of("CREATE TRIGGER Tick AT EVERY 1 SECOND;\nINSERT INTO Out SELECT triggered_time AS t FROM Tick;")
                .advance(0).advance(1000).advance(2000).expect("1000:[1000]", "2000:[2000]");
    }

    @Test
    void orderByQualifiedNameAndGroupByQualifiedName() {
        Scenario.of(KV + "INSERT INTO Out SELECT S.k AS key, sum(S.v) AS s FROM S WINDOW('lengthBatch', 3) "
                + "GROUP BY S.k ORDER BY S.k DESC;")
                .send(1, "a", 1).send(2, "c", 2).send(3, "b", 3).expect("3:[c, 2]", "3:[b, 3]", "3:[a, 1]");
    }

    // ---- 3.3 windows (a sample)

    @Test
    void tumblingWithStartTimeAlignsBatchesAndKeepsTheGridAcrossAnEmptyBatch() {
        // an empty batch emits no aggregate row (Siddhi; SQL.md is silent); under ALL EVENTS its flush expires
        // the previous batch at the boundary time
        Scenario.of(KV + "INSERT ALL EVENTS INTO Out SELECT count() AS n FROM S WINDOW('tumbling', 1 SECOND, 0);")
                .send(1500, "a", 1).send(1800, "b", 1).advance(2000).advance(3000).send(3500, "c", 1).advance(4000)
                .expect("2000:[2]", "3000:expired:[2]", "4000:[1]");
    }

    @Test
    void lengthBatchIncompleteBatchIsNotFlushed() {
        Scenario.of(KV + "INSERT INTO Out SELECT count() AS n FROM S WINDOW('lengthBatch', 2);")
                .send(1, "a", 1).send(2, "b", 1).send(3, "c", 1).expect("2:[2]");
    }

    @Test
    void delayStampsEventsWithTheirReleaseTime() {
        Scenario.of(KV + "INSERT INTO Out SELECT k FROM S WINDOW('delay', 1 SECOND);")
                .send(100, "a", 1).advance(1099).advance(1100).expect("1100:[a]");
    }

    @Test
    void uniqueReplacedEventExpires() {
        Scenario.of(KV + "INSERT EXPIRED EVENTS INTO Out SELECT k, v FROM S WINDOW('unique', k);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "a", 3).expect("3:expired:[a, 1]");
    }

    @Test
    void firstUniqueDropsLaterEvents() {
        Scenario.of(KV + "INSERT INTO Out SELECT k, v FROM S WINDOW('firstUnique', k);")
                .send(1, "a", 1).send(2, "a", 2).send(3, "b", 3).expect("1:[a, 1]", "3:[b, 3]");
    }

    @Test
    void sortPushesOutTheLastInSortOrder() {
        Scenario.of(KV + "INSERT EXPIRED EVENTS INTO Out SELECT k, v FROM S WINDOW('sort', 2, v, 'asc');")
                .send(1, "a", 5).send(2, "b", 1).send(3, "c", 3).expect("3:expired:[a, 5]");
    }

    @Test
    void timeLengthHoldsAtMostNEvents() {
        Scenario.of(KV + "INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('timeLength', 10 SECONDS, 2);")
                .send(1, "a", 1).send(2, "b", 2).send(3, "c", 4).expect("1:[1]", "2:[3]", "3:[6]");
    }

    // ---- 3.5 more patterns

    private static Scenario ab(String q) {
        return Scenario.of("CREATE STREAM A (id INT, price DOUBLE);\nCREATE STREAM B (id INT, price DOUBLE);\n" + q);
    }

    @Test
    void exactCountElement() {
        ab("INSERT INTO Out SELECT e1[0].id AS a, e1[1].id AS b, e2.id AS c FROM PATTERN (e1=A{2} -> e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("A", 2, 2, 0.0).sendTo("A", 3, 3, 0.0).sendTo("B", 4, 4, 0.0)
                .expect("4:[1, 2, 4]");
    }

    @Test
    void notAndPresentEventFailsIfTheAbsentEventCameFirst() {
        ab("INSERT INTO Out SELECT e2.id AS c FROM PATTERN (NOT A AND e2=B);")
                .sendTo("A", 1, 1, 0.0).sendTo("B", 2, 2, 0.0).expect();
    }

    @Test
    void absentEventArrivingCancelsTheTimer() {
        ab("INSERT INTO Out SELECT e1.id AS a FROM PATTERN (e1=A -> NOT B FOR 1 SECOND);")
                .sendTo("A", 0, 1, 0.0).sendTo("B", 500, 2, 0.0).advance(2000).expect();
    }

    @Test
    void sequenceWithOptionalAndStar() {
        ab("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM SEQUENCE (e1=A? -> e2=B);")
                .sendTo("B", 1, 2, 0.0).sendTo("A", 2, 1, 0.0).sendTo("B", 3, 3, 0.0).expect("1:[null, 2]");
        ab("INSERT INTO Out SELECT count(e1) AS n, e2.id AS b FROM SEQUENCE (e1=A* -> e2=B);")
                .sendTo("B", 1, 7, 0.0).expect("1:[0, 7]");
    }

    @Test
    void patternOutputFeedsAJoin() {
        ab("CREATE STREAM C (id INT);\nINSERT INTO M SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B);\n"
                + "INSERT INTO Out SELECT M.a AS a, C.id AS c FROM M JOIN C WINDOW('length', 5) ON M.b = C.id;")
                .sendTo("C", 1, 2).sendTo("A", 2, 1, 0.0).sendTo("B", 3, 2, 0.0).expect("3:[1, 2]");
    }
}
