package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.api.management.StreamStatus;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for an event-timed stream ({@code event.time} with {@code watermark.delay} D), any arrival order
 * whose disorder is bounded by D gives exactly the output (rows, timestamps, order) that the sorted input
 * gives to the same query on a plain stream in playback mode: time windows, batch windows, patterns with
 * WITHIN and absence, output rate limiters. Random seeds; each case also checks that the input really was
 * out of order and that nothing was late.
 */
class EventTimeOrderingTest {
    private static final long DELAY = 700;
    private static final int EVENTS = 300;
    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    static Stream<Arguments> cases() {
        List<String> queries = List.of(
                "INSERT ALL EVENTS INTO Out SELECT k, sum(v) AS s, count() AS c FROM S WINDOW('time', 1 SECOND) GROUP BY k;",
                "INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('timeBatch', 1 SECOND) GROUP BY k;",
                "INSERT INTO Out SELECT k, count() AS c FROM S WINDOW('timeBatch', 500, 0) GROUP BY k;",
                "INSERT INTO Out SELECT k, max(v) AS m FROM S WINDOW('session', 300, k) GROUP BY k;",
                "INSERT INTO Out SELECT k, v FROM S WINDOW('delay', 250);",
                "INSERT INTO Out SELECT e1.v AS a, e2.v AS b FROM PATTERN (EVERY e1=S[v > 80] -> e2=S[v < 10]) "
                        + "WITHIN 1 SECOND;",
                "INSERT INTO Out SELECT e1.v AS a FROM PATTERN (EVERY e1=S[v > 90] -> NOT S[v < 5] FOR 800);",
                "INSERT INTO Out SELECT k, count() AS c FROM S GROUP BY k OUTPUT LAST EVERY 1 SECOND;",
                "INSERT INTO Out SELECT k, v FROM S OUTPUT ALL EVERY 700;",
                "INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('time', 2 SECONDS) GROUP BY k "
                        + "OUTPUT SNAPSHOT EVERY 1 SECOND;",
                "INSERT INTO Out SELECT k, avg(v) AS a FROM S WINDOW('sliding', 1 SECOND, 250) GROUP BY k;",
                "INSERT ALL EVENTS INTO Out SELECT k, count() AS c FROM S WINDOW('timeLength', 1 SECOND, 4);",
                "PARTITION WITH (k OF S) BEGIN INSERT INTO Out SELECT k, sum(v) AS s FROM S WINDOW('timeBatch', 1 SECOND) "
                        + "OUTPUT LAST EVERY 700; END;");
        List<Arguments> out = new ArrayList<>();
        for (String q : queries) {
            for (long seed = 1; seed <= 6; seed++) {
                out.add(Arguments.of(q, seed));
            }
        }
        return out.stream();
    }

    private record In(long ts, String k, int v, long arrival) {
        Object[] data() {
            return new Object[] {ts, k, v};
        }
    }

    /** Unique, increasing event times; arrival order = event time plus a random lag in [0, DELAY]. */
    static List<List<Object[]>> inputs(long seed) {
        Random r = new Random(seed);
        List<In> events = new ArrayList<>();
        long ts = 10_000;
        for (int i = 0; i < EVENTS; i++) {
            ts += 1 + r.nextInt(r.nextInt(10) == 0 ? 1500 : 120);
            events.add(new In(ts, "k" + r.nextInt(3), r.nextInt(100), ts + r.nextLong(DELAY + 1)));
        }
        List<In> shuffled = new ArrayList<>(events);
        shuffled.sort(Comparator.comparingLong(In::arrival));
        return List.of(events.stream().map(In::data).toList(), shuffled.stream().map(In::data).toList());
    }

    @ParameterizedTest(name = "[{1}] {0}")
    @MethodSource("cases")
    void shuffledWithinTheDelayGivesTheOutputOfTheSortedInput(String query, long seed) throws Exception {
        List<List<Object[]>> in = inputs(seed);
        assertThat(in.get(1)).as("the arrival order is out of order").isNotEqualTo(in.get(0));

        AppRuntime sorted = runtime.deploy("@app:name('sorted') CREATE STREAM S (ts LONG, k STRING, v INT); " + query,
                DeployOptions.playback());
        Collector expected = new Collector();
        sorted.addCallback("Out", expected);
        InputHandler s = sorted.inputHandler("S");
        for (Object[] e : in.get(0)) {
            s.send((Long) e[0], e);
        }
        sorted.shutdown();

        AppRuntime timed = runtime.deploy("@app:name('timed') CREATE STREAM S (ts LONG, k STRING, v INT) "
                + "WITH ('event.time' = 'ts', 'watermark.delay' = '" + DELAY + " ms'); " + query,
                DeployOptions.playback());
        Collector actual = new Collector();
        timed.addCallback("Out", actual);
        InputHandler t = timed.inputHandler("S");
        for (Object[] e : in.get(1)) {
            t.send(e); // stamped by the clock: the gate takes the time from ts
        }
        StreamStatus status = runtime.management().status("timed").streams().get(0);
        timed.shutdown();

        assertThat(expected.rows()).as("the query emits something").isNotEmpty();
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(status.late()).isZero();

        // the same, snapshotted mid-stream (events buffered) and restored into a new run of the same SQL
        String timedSql = "@app:name('restored') CREATE STREAM S (ts LONG, k STRING, v INT) "
                + "WITH ('event.time' = 'ts', 'watermark.delay' = '" + DELAY + " ms'); " + query;
        AppRuntime first = runtime.deploy(timedSql, DeployOptions.playback());
        Collector restored = new Collector();
        AutoCloseable subscription = first.addCallback("Out", restored);
        int cut = new Random(seed).nextInt(EVENTS - 20) + 10;
        for (Object[] e : in.get(1).subList(0, cut)) {
            first.inputHandler("S").send(e);
        }
        Map<String, Serializable> state = roundTrip(((AppRuntimeImpl) first).snapshotState());
        subscription.close(); // undeploying flushes: those rows are not part of the run being compared
        runtime.undeploy("restored");
        assertThat(state.get("eventtime")).as("buffered events are in the snapshot").isNotNull();
        AppRuntime second = runtime.deploy(timedSql, DeployOptions.playback());
        ((AppRuntimeImpl) second).restoreState(state);
        second.addCallback("Out", restored);
        for (Object[] e : in.get(1).subList(cut, EVENTS)) {
            second.inputHandler("S").send(e);
        }
        second.shutdown();
        assertThat(restored.rows()).as("restored after %d arrivals", cut).isEqualTo(expected.rows());
    }

    static Stream<Arguments> twoStreamCases() {
        List<String> queries = List.of(
                "INSERT INTO Out SELECT S.k, S.v AS sv, T.v AS tv FROM S WINDOW('time', 500) "
                        + "JOIN T WINDOW('time', 300) ON S.k = T.k;",
                "INSERT INTO Out SELECT e1.v AS a, e2.v AS b FROM PATTERN (EVERY e1=S[v > 70] -> e2=T[k == e1.k]) "
                        + "WITHIN 400;",
                "INSERT INTO Out SELECT k, count() AS c FROM T WINDOW('timeBatch', 1 SECOND) GROUP BY k;");
        List<Arguments> out = new ArrayList<>();
        for (String q : queries) {
            for (long seed = 1; seed <= 6; seed++) {
                out.add(Arguments.of(q, seed));
            }
        }
        return out.stream();
    }

    /**
     * Two event-timed streams with their own delays: the app's watermark is the lower of the two, events of
     * both are released in one event-time order, as the sorted input sends them.
     */
    @ParameterizedTest(name = "[{1}] {0}")
    @MethodSource("twoStreamCases")
    void twoShuffledStreamsGiveTheOutputOfTheSortedInput(String query, long seed) throws Exception {
        List<List<Object[]>> in = inputs(seed);
        Random r = new Random(-seed);
        java.util.Map<Long, String> streamOf = new java.util.HashMap<>();
        for (Object[] e : in.get(0)) {
            streamOf.put((Long) e[0], r.nextBoolean() ? "S" : "T");
        }
        String schema = "CREATE STREAM S (ts LONG, k STRING, v INT)%s; CREATE STREAM T (ts LONG, k STRING, v INT)%s; ";
        AppRuntime sorted = runtime.deploy("@app:name('sorted2') " + schema.formatted("", "") + query,
                DeployOptions.playback());
        Collector expected = new Collector();
        sorted.addCallback("Out", expected);
        for (Object[] e : in.get(0)) {
            sorted.inputHandler(streamOf.get((Long) e[0])).send((Long) e[0], e);
        }
        sorted.shutdown();

        AppRuntime timed = runtime.deploy("@app:name('timed2') " + schema.formatted(
                " WITH ('event.time' = 'ts', 'watermark.delay' = '" + DELAY + "')",
                " WITH ('event.time' = 'ts', 'watermark.delay' = '" + (DELAY + 300) + "')") + query,
                DeployOptions.playback());
        Collector actual = new Collector();
        timed.addCallback("Out", actual);
        for (Object[] e : in.get(1)) {
            timed.inputHandler(streamOf.get((Long) e[0])).send(e);
        }
        long late = runtime.management().status("timed2").streams().stream().mapToLong(StreamStatus::late).sum();
        timed.shutdown();
        assertThat(expected.rows()).as("the query emits something").isNotEmpty();
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(late).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Serializable> roundTrip(Map<String, Serializable> state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.LinkedHashMap<>(state));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Map<String, Serializable>) in.readObject();
        }
    }
}
