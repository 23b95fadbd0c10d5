package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.management.StreamStatus;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Late events, events without an event time, heartbeats, several event-timed streams, snapshots. */
class EventTimeLateTest {
    private static final String S = "CREATE STREAM S (ts LONG, v INT) WITH ('event.time' = 'ts', "
            + "'watermark.delay' = '100'%s); ";
    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private AppRuntime deploy(String sql) throws Exception {
        return runtime.deploy(sql, DeployOptions.playback());
    }

    private StreamStatus status(String app, String stream) {
        return runtime.management().status(app).streams().stream().filter(s -> s.name().equals(stream)).findFirst()
                .orElseThrow();
    }

    private AppState state(AppRuntime app) {
        return runtime.management().status(app.name()).summary().state();
    }

    @Test
    void eventsAreReleasedInEventTimeOrderOnceTheWatermarkPassesThem() throws Exception {
        AppRuntime app = deploy("@app:name('a') " + S.formatted("") + "INSERT INTO Out SELECT ts, v FROM S;");
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        in.send(1000L, 1);
        in.send(950L, 2);
        assertThat(out.rows()).as("watermark 899: nothing released").isEmpty();
        in.send(1101L, 3); // watermark 1000
        assertThat(out.rows()).containsExactly("950:[950, 2]", "1000:[1000, 1]");
        assertThat(app.currentTime()).as("the app clock is the watermark").isEqualTo(1000);
        app.shutdown(); // flushes the rest
        assertThat(out.rows()).containsExactly("950:[950, 2]", "1000:[1000, 1]", "1101:[1101, 3]");
    }

    @Test
    void playbackTimeBehindTheWatermarkIsALateHeartbeatNotAnError() throws Exception {
        // replay lines carry their own time; the event times in the data (ts) run ahead of it
        AppRuntime app = deploy("@app:name('a') " + S.formatted("") + "INSERT INTO Out SELECT ts, v FROM S;");
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        in.send(1000, new Object[] {12_000L, 1});
        in.send(1500, new Object[] {12_201L, 2}); // watermark 12 100
        assertThat(app.currentTime()).isEqualTo(12_100);
        app.advanceTime(2000); // behind the watermark: nothing moves, nothing fails
        assertThat(app.currentTime()).isEqualTo(12_100);
        assertThat(state(app)).isEqualTo(AppState.RUNNING);
        assertThatThrownBy(() -> app.advanceTime(1999)).as("playback time itself still cannot go back")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot go back from 2000 to 1999");
        assertThat(out.rows()).containsExactly("12000:[12000, 1]");
    }

    @Test
    void lateEventsGoToTheLateStreamAndAreCounted() throws Exception {
        AppRuntime app = deploy("@app:name('late') " + S.formatted(", 'late.events.stream' = 'LateS'")
                + "CREATE STREAM LateS (ts LONG, v INT); INSERT INTO Out SELECT v FROM S; "
                + "INSERT INTO LateOut SELECT ts, v FROM LateS;");
        Collector out = new Collector();
        Collector late = new Collector();
        app.addCallback("Out", out);
        app.addCallback("LateOut", late);
        InputHandler in = app.inputHandler("S");
        in.send(1000L, 1);
        in.send(900L, 2); // 1000 - 100 = 900 is still on time
        in.send(899L, 3); // late: watermark 899
        in.send(2000L, 4); // watermark 1899: 900 and 1000 released
        in.send(1500L, 5); // late against the released time
        assertThat(late.rows()).containsExactly("899:[899, 3]", "1500:[1500, 5]");
        assertThat(status("late", "S").late()).isEqualTo(2);
        assertThat(runtime.management().stats("late").late()).as("the app's stats").isEqualTo(2);
        assertThat(status("late", "LateS").late()).isZero();
        app.shutdown();
        assertThat(out.rows()).containsExactly("900:[2]", "1000:[1]", "2000:[4]");
    }

    @Test
    void lateEventsWithoutALateStreamGoToTheDeadLetterStream() throws Exception {
        AppRuntime app = deploy("@app:name('dlq') " + S.formatted(", 'error.strategy' = 'dlq', "
                + "'error.dlq.stream' = 'Dead'") + "CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, "
                + "errorType STRING, timestamp LONG, attemptCount INT, streamName STRING); "
                + "INSERT INTO Out SELECT v FROM S; INSERT INTO DeadOut SELECT originalEvent, errorType, streamName "
                + "FROM Dead;");
        Collector dead = new Collector();
        app.addCallback("DeadOut", dead);
        InputHandler in = app.inputHandler("S");
        in.send(1000L, 1);
        in.send(10L, 2);
        in.send(null, 3);
        assertThat(dead.events()).extracting(e -> java.util.Arrays.asList(e.data())).containsExactly(
                java.util.List.of("[10, 2]", "LATE", "S"), java.util.List.of("[null, 3]", "MISSING_EVENT_TIME", "S"));
        assertThat(dead.events().get(0).timestamp()).as("stamped with the app's time").isEqualTo(0);
        assertThat(status("dlq", "S").late()).isEqualTo(1);
        app.shutdown();
    }

    @Test
    void lateEventsAreDroppedAndCountedByDefault() throws Exception {
        AppRuntime app = deploy("@app:name('drop') " + S.formatted("") + "INSERT INTO Out SELECT v FROM S;");
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        in.send(1000L, 1);
        for (int i = 0; i < 5; i++) {
            in.send(100L + i, 2);
        }
        assertThat(status("drop", "S").late()).isEqualTo(5);
        app.shutdown();
        assertThat(out.rows()).containsExactly("1000:[1]");
    }

    @Test
    void aLateEventUnderErrorStrategyFailFailsTheApp() throws Exception {
        AppRuntime app = deploy("@app:name('fail') " + S.formatted(", 'error.strategy' = 'fail'")
                + "INSERT INTO Out SELECT v FROM S;");
        InputHandler in = app.inputHandler("S");
        in.send(1000L, 1);
        in.send(5L, 2);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (state(app) != AppState.FAILED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(state(app)).isEqualTo(AppState.FAILED);
        assertThat(runtime.management().status("fail").summary().error()).contains("late event at 5");
    }

    @Test
    void advanceTimeIsAHeartbeatOnEveryEventTimedStream() throws Exception {
        AppRuntime app = deploy("@app:name('adv') " + S.formatted("")
                + "INSERT INTO Out SELECT v, count() AS c FROM S WINDOW('time', 500);");
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(1000L, 1);
        assertThat(out.rows()).isEmpty();
        app.advanceTime(1101); // watermark 1000: released
        assertThat(out.rows()).containsExactly("1000:[1, 1]");
        app.advanceTime(1700);
        assertThat(app.currentTime()).isEqualTo(1599);
        app.shutdown();
    }

    @Test
    void theAppWatermarkIsTheLowestOfItsEventTimedStreamsAndOtherStreamsRunAtTheCurrentTime() throws Exception {
        AppRuntime app = deploy("@app:name('two') " + S.formatted("")
                + "CREATE STREAM T (ts LONG, v INT) WITH ('event.time' = 'ts'); CREATE STREAM W (v INT); "
                + "INSERT INTO Out SELECT v FROM S; INSERT INTO Out SELECT v FROM T; INSERT INTO Out SELECT v FROM W;");
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(1000L, 1);
        app.inputHandler("S").send(2000L, 2); // S at 1899, T has nothing: held
        assertThat(out.rows()).isEmpty();
        app.inputHandler("T").send(1500L, 3); // T at 1499
        assertThat(out.rows()).containsExactly("1000:[1]");
        app.inputHandler("W").send(new Object[] {4}); // not event-timed: at once, at the app's time
        assertThat(out.rows()).containsExactly("1000:[1]", "1499:[4]");
        app.shutdown();
        assertThat(out.rows()).containsExactly("1000:[1]", "1499:[4]", "1500:[3]", "2000:[2]");
    }

    @Test
    void idleHeartbeatsMoveAQuietStreamsEventTimeWithTheWallClock() throws Exception {
        AppRuntime app = runtime.deploy("@app:name('idle') CREATE STREAM S (ts LONG, v INT) WITH ("
                + "'event.time' = 'ts', 'watermark.delay' = '100', 'watermark.idle.timeout' = '50 ms'); "
                + "INSERT INTO Out SELECT v FROM S;", DeployOptions.defaults().withSynchronous(true));
        Collector out = new Collector();
        app.addCallback("Out", out);
        // one chunk, so that no heartbeat can come between the two (the machine may stall the test thread)
        long sent = System.nanoTime();
        app.inputHandler("S").send(List.of(new Event(0, new Object[] {1000L, 1}), new Event(0, new Object[] {950L, 2})));
        if (System.nanoTime() - sent < 40_000_000L) {
            assertThat(out.rows()).as("watermark 899, and no 50 ms of quiet yet").isEmpty();
        }
        // quiet for 50 ms: the stream's time moves on with the wall clock, and the watermark passes both
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.count() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(out.rows()).containsExactly("950:[2]", "1000:[1]");
        app.inputHandler("S").send(990L, 3);
        assertThat(status("idle", "S").late()).isEqualTo(1);
        app.shutdown();
    }

    @Test
    void onTheRingAndTheWallClockAShuffledStreamComesOutSortedAndATimeWindowRunsOnEventTime() throws Exception {
        AppRuntime app = runtime.deploy("@app:name('ring') CREATE STREAM S (ts LONG, v INT) WITH ("
                + "'event.time' = 'ts', 'watermark.delay' = '50', 'watermark.idle.timeout' = '20 ms'); "
                + "INSERT ALL EVENTS INTO Out SELECT ts, count() AS c FROM S WINDOW('time', 100);",
                DeployOptions.defaults());
        Collector out = new Collector();
        app.addCallback("Out", out);
        long[] arrivals = {1000, 1040, 1010, 1090, 1060, 1150, 1120, 1300};
        // one chunk: a stalled test thread cannot let a heartbeat in between (which could make some late)
        List<Event> chunk = new java.util.ArrayList<>();
        for (long ts : arrivals) {
            chunk.add(new Event(0, new Object[] {ts, 1}));
        }
        app.inputHandler("S").send(chunk);
        // the idle heartbeats (wall clock) release the rest; the events expire 100 ms of event time later
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.count() < 2 * arrivals.length && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(out.rows()).startsWith("1000:[1000, 1]", "1010:[1010, 2]", "1040:[1040, 3]", "1060:[1060, 4]",
                "1090:[1090, 5]", "1100:expired:[1000, 4]", "1110:expired:[1010, 3]", "1120:[1120, 4]");
        assertThat(out.rows()).hasSize(2 * arrivals.length).contains("1400:expired:[1300, 0]");
        app.shutdown();
    }

    @Test
    void aStreamThatNeverHadAnEventStopsHoldingTheWatermarkBackAfterItsIdleTimeout() throws Exception {
        AppRuntime app = runtime.deploy("@app:name('silent') "
                + "CREATE STREAM S (ts LONG, v INT) WITH ('event.time' = 'ts', 'watermark.idle.timeout' = '30 ms'); "
                + "CREATE STREAM T (ts LONG, v INT) WITH ('event.time' = 'ts', 'watermark.idle.timeout' = '30 ms'); "
                + "INSERT INTO Out SELECT ts FROM S; INSERT INTO Out SELECT ts FROM T;",
                DeployOptions.defaults().withSynchronous(true));
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(1000L, 1);
        app.inputHandler("S").send(2000L, 2);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.count() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(out.rows()).containsExactly("1000:[1000]", "2000:[2000]");
        app.inputHandler("T").send(1500L, 3); // behind what the app has released: late
        assertThat(status("silent", "T").late()).isEqualTo(1);
        app.shutdown();
    }

    @Test
    void bufferedEventsAreInTheSnapshot() throws Exception {
        String sql = "@app:name('snap') " + S.formatted("") + "INSERT INTO Out SELECT v FROM S;";
        AppRuntime app = deploy(sql);
        app.inputHandler("S").send(1000L, 1);
        app.inputHandler("S").send(950L, 2);
        Map<String, Serializable> state = ((AppRuntimeImpl) app).snapshotState();
        runtime.undeploy("snap");
        AppRuntime again = deploy(sql);
        ((AppRuntimeImpl) again).restoreState(state);
        Collector out = new Collector();
        again.addCallback("Out", out);
        again.inputHandler("S").send(849L, 9); // late: the restored watermark is 899
        again.inputHandler("S").send(1200L, 3);
        assertThat(out.rows()).containsExactly("950:[2]", "1000:[1]");
        assertThat(status("snap", "S").late()).isEqualTo(1);
        again.shutdown();
    }

    @Test
    void aNullEventTimeIsABadEvent() throws Exception {
        AppRuntime app = deploy("@app:name('bad') " + S.formatted(", 'error.strategy' = 'fail'")
                + "INSERT INTO Out SELECT v FROM S;");
        app.inputHandler("S").send(null, 1);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (state(app) != AppState.FAILED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(runtime.management().status("bad").summary().error())
                .contains("event-time attribute 'ts' is NULL");
    }

    @Test
    void aBadEventTimeAttributeFailsTheDeployWithItsLineAndColumn() {
        assertThatThrownBy(() -> deploy("CREATE STREAM S (ts STRING, v INT) WITH ('event.time' = 'ts');"))
                .hasMessageContaining("line 1, column 42").hasMessageContaining("must be LONG or TIMESTAMP");
    }
}
