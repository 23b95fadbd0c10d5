package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events sent with {@code send(Object...)} on the wall clock in inline mode are stamped when the writer needs
 * their time (a stream whose one query keeps no events reads the clock only for the events that pass its
 * filter): every time anyone sees is still the wall time of the send, never the internal "unstamped" mark,
 * whoever reads it first: the query's output, {@code eventTimestamp()} in WHERE or SELECT, a callback on the
 * input stream, a second query, a window.
 */
class WallClockStampTest {
    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() throws Exception {
        runtime.close();
    }

    private AppRuntime deploy(String sql) throws CompileException {
        return runtime.deploy(sql, DeployOptions.defaults().withSynchronous(true));
    }

    /** Sends {@code rows} one by one; returns the wall time before the first and after the last send. */
    private static long[] send(InputHandler in, Object[]... rows) {
        long before = System.currentTimeMillis();
        for (Object[] row : rows) {
            in.send(row);
        }
        return new long[] {before, System.currentTimeMillis()};
    }

    private static void assertStampedWithin(List<Event> events, long[] window) {
        assertThat(events).isNotEmpty().allSatisfy(
                e -> assertThat(e.timestamp()).as("timestamp of " + e).isBetween(window[0], window[1]));
    }

    @Test
    void aFilterQueryStampsTheEventsItEmitsWithTheTimeOfTheSend() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S WHERE v > 1;");
        Collector out = new Collector();
        app.addCallback("Out", out);
        long[] window = send(app.inputHandler("S"), new Object[] {1}, new Object[] {2}, new Object[] {3});
        assertThat(out.events()).extracting(e -> e.data()[0]).containsExactly(2, 3);
        assertStampedWithin(out.events(), window);
    }

    @Test
    void eventTimestampInWhereAndSelectReadsTheSameStampAsTheOutput() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT);"
                + " INSERT INTO Out SELECT v, eventTimestamp() AS t FROM S WHERE eventTimestamp() > 0;"
                + " CREATE STREAM T (v INT); INSERT INTO Out2 SELECT v, eventTimestamp() AS t FROM T;");
        Collector out = new Collector();
        Collector out2 = new Collector();
        app.addCallback("Out", out);
        app.addCallback("Out2", out2);
        long[] window = send(app.inputHandler("S"), new Object[] {1}, new Object[] {2});
        long[] window2 = send(app.inputHandler("T"), new Object[] {3});
        assertThat(out.events()).hasSize(2).allSatisfy(e -> assertThat(e.data()[1]).isEqualTo(e.timestamp()));
        assertStampedWithin(out.events(), window);
        assertThat(out2.events()).hasSize(1).allSatisfy(e -> assertThat(e.data()[1]).isEqualTo(e.timestamp()));
        assertStampedWithin(out2.events(), window2);
    }

    @Test
    void aCallbackOnTheInputStreamSeesTheSameStampAsTheQuery() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;");
        Collector in = new Collector();
        Collector out = new Collector();
        app.addCallback("S", in);
        app.addCallback("Out", out);
        long[] window = send(app.inputHandler("S"), new Object[] {1}, new Object[] {2});
        assertStampedWithin(in.events(), window);
        assertThat(out.events()).extracting(Event::timestamp)
                .containsExactlyElementsOf(in.events().stream().map(Event::timestamp).toList());
    }

    @Test
    void twoQueriesOfOneStreamGiveTheEventOneTime() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO A SELECT v FROM S; INSERT INTO B SELECT v FROM S;");
        Collector a = new Collector();
        Collector b = new Collector();
        app.addCallback("A", a);
        app.addCallback("B", b);
        long[] window = send(app.inputHandler("S"), new Object[] {1}, new Object[] {2}, new Object[] {3});
        assertStampedWithin(a.events(), window);
        assertThat(b.events()).extracting(Event::timestamp)
                .containsExactlyElementsOf(a.events().stream().map(Event::timestamp).toList());
    }

    @Test
    void windowsAggregatesAndChainedStreamsSeeRealTimes() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (k STRING, v INT);"
                + " INSERT INTO Mid SELECT k, v FROM S WHERE v > 0;"
                + " INSERT INTO W SELECT k, sum(v) AS total FROM Mid WINDOW('time', 1 MINUTE) GROUP BY k;"
                + " INSERT INTO G SELECT k, count() AS n FROM S GROUP BY k;");
        Collector w = new Collector();
        Collector g = new Collector();
        app.addCallback("W", w);
        app.addCallback("G", g);
        long[] window = send(app.inputHandler("S"), new Object[] {"a", 1}, new Object[] {"a", 2}, new Object[] {"b", 0});
        assertThat(w.rows()).hasSize(2);
        assertThat(w.events()).extracting(e -> e.data()[1]).containsExactly(1L, 3L);
        assertStampedWithin(w.events(), window);
        assertThat(g.events()).hasSize(3);
        assertStampedWithin(g.events(), window);
    }
}
