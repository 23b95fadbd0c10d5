package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SQL.md 3.1 / 3.2 semantics through SQL, playback time and callbacks. */
class SelectorSemanticsTest {
    private final EventFluxRuntime runtime = TestEngines.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private Collector run(String sql, String out, String in, Object[]... rows) throws Exception {
        AppRuntime app = runtime.deploy(sql, DeployOptions.playback());
        Collector c = new Collector();
        app.addCallback(out, c);
        InputHandler h = app.inputHandler(in);
        long ts = 1;
        for (Object[] r : rows) {
            h.send(ts++, r);
        }
        app.shutdown();
        return c;
    }

    @Test
    void expiredEventsOnlyUnderInsertExpiredAndAllAndTheyUpdateAggregates() throws Exception {
        String body = " SELECT v, sum(v) AS s FROM S WINDOW('length', 2);";
        Object[][] in = {{1}, {2}, {3}};
        assertThat(run("CREATE STREAM S (v INT); INSERT INTO Out" + body, "Out", "S", in).rows())
                .containsExactly("1:[1, 1]", "2:[2, 3]", "3:[3, 5]");
        assertThat(run("CREATE STREAM S (v INT); INSERT EXPIRED EVENTS INTO Out" + body, "Out", "S", in).rows())
                .containsExactly("3:expired:[1, 5]");
        assertThat(run("CREATE STREAM S (v INT); INSERT ALL EVENTS INTO Out" + body, "Out", "S", in).rows())
                .containsExactly("1:[1, 1]", "2:[2, 3]", "3:expired:[1, 5]", "3:[3, 5]");
    }

    @Test
    void batchWithoutAggregatesEmitsTheBatchWithOwnTimesAndExpiresThePreviousFirst() throws Exception {
        Collector c = run("CREATE STREAM S (v INT); INSERT ALL EVENTS INTO Out SELECT v FROM S WINDOW('lengthBatch', 2);",
                "Out", "S", new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {4}, new Object[] {5});
        assertThat(c.rows()).containsExactly("1:[1]", "2:[2]", "4:expired:[1]", "4:expired:[2]", "3:[3]", "4:[4]");
        assertThat(c.chunks()).hasSize(2);
    }

    @Test
    void batchAggregateUnderAllEventsEmitsTheExpiredBatchAggregateFirst() throws Exception {
        Collector c = run("CREATE STREAM S (v INT); INSERT ALL EVENTS INTO Out SELECT sum(v) AS s FROM S WINDOW('lengthBatch', 2);",
                "Out", "S", new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {4});
        assertThat(c.rows()).containsExactly("2:[3]", "4:expired:[3]", "4:[7]");
    }

    @Test
    void groupByOnASlidingWindowEmitsOneRowForTheArrivingGroup() throws Exception {
        Collector c = run("CREATE STREAM S (k STRING, v INT); INSERT INTO Out SELECT k, sum(v) AS s, count() AS n FROM S "
                + "WINDOW('length', 2) GROUP BY k;", "Out", "S",
                new Object[] {"a", 1}, new Object[] {"b", 2}, new Object[] {"a", 3}, new Object[] {"a", 4});
        // at "a",3 the window drops "a",1; at "a",4 it drops "b",2
        assertThat(c.rows()).containsExactly("1:[a, 1, 1]", "2:[b, 2, 1]", "3:[a, 3, 1]", "4:[a, 7, 2]");
    }

    @Test
    void aggregateWithoutWindowAccumulatesForever() throws Exception {
        Collector c = run("CREATE STREAM S (v LONG); INSERT INTO Out SELECT sum(v) AS s, avg(v) AS a FROM S;", "Out", "S",
                new Object[] {1L}, new Object[] {2L}, new Object[] {null});
        assertThat(c.rows()).containsExactly("1:[1, 1.0]", "2:[3, 1.5]", "3:[3, 1.5]");
    }

    @Test
    void distinctDropsDuplicatesWithinAChunkOnly() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (v INT, w INT); INSERT INTO Out SELECT DISTINCT v FROM S;",
                DeployOptions.playback());
        Collector c = new Collector();
        app.addCallback("Out", c);
        app.inputHandler("S").send(List.of(new Event(1, new Object[] {1, 1}), new Event(1, new Object[] {1, 2}),
                new Event(1, new Object[] {2, 3})));
        app.inputHandler("S").send(2, new Object[] {1, 4});
        app.shutdown();
        assertThat(c.rows()).containsExactly("1:[1]", "1:[2]", "2:[1]");
    }

    @Test
    void havingFiltersRowsAndOrderByLimitApplyPerChunk() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (k STRING, v INT); INSERT INTO Out SELECT k, v FROM S "
                + "WHERE v > 0 ORDER BY v LIMIT 2;", DeployOptions.playback());
        Collector c = new Collector();
        app.addCallback("Out", c);
        app.inputHandler("S").send(List.of(new Event(1, new Object[] {"a", 5}), new Event(1, new Object[] {"b", 3}),
                new Event(1, new Object[] {"c", -1}), new Event(1, new Object[] {"d", 4})));
        app.inputHandler("S").send(List.of(new Event(2, new Object[] {"e", 9}), new Event(2, new Object[] {"f", 8})));
        app.shutdown();
        assertThat(c.rows()).containsExactly("1:[b, 3]", "1:[d, 4]", "2:[f, 8]", "2:[e, 9]");
        assertThat(c.chunks()).hasSize(2);
    }

    @Test
    void insertIntoChainsFeedOtherQueries() throws Exception {
        Collector c = run("""
                CREATE STREAM S (v INT);
                INSERT INTO Mid SELECT v * 2 AS w FROM S WHERE v > 1;
                INSERT INTO Out SELECT w + 1 AS x FROM Mid;
                """, "Out", "S", new Object[] {1}, new Object[] {2}, new Object[] {3});
        assertThat(c.rows()).containsExactly("2:[5]", "3:[7]");
    }

    @Test
    void bareSelectGoesToOutputStream() throws Exception {
        Collector c = run("CREATE STREAM S (v INT); SELECT v FROM S;", "OutputStream", "S", new Object[] {4});
        assertThat(c.rows()).containsExactly("1:[4]");
    }

    @Test
    void functionsAndExpressionsThroughSql() throws Exception {
        Collector c = run("""
                CREATE STREAM S (s STRING, v INT);
                INSERT INTO Out SELECT upper(s) AS u, eventTs() AS t, CASE WHEN v > 1 THEN 'big' ELSE 'small' END AS size,
                    v / 0 AS z, CAST(s AS INT) AS n
                FROM S WHERE s LIKE 'a%' AND v BETWEEN 1 AND 5 AND v IN (1, 2, 3) AND s IS NOT NULL;
                """, "Out", "S", new Object[] {"abc", 2}, new Object[] {"b", 2}, new Object[] {"a7", 9}, new Object[] {"12", 1},
                new Object[] {"a1", 1});
        assertThat(c.rows()).containsExactly("1:[ABC, 1, big, null, null]", "5:[A1, 5, small, null, null]");
    }
}
