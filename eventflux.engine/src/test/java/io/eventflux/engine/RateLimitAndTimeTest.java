package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Output rate limiting (SQL.md 3.7) and playback time, driven by virtual time. */
class RateLimitAndTimeTest {
    private final EventFluxRuntime runtime = TestEngines.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private AppRuntime deploy(String sql) throws Exception {
        return runtime.deploy(sql, DeployOptions.playback());
    }

    @Test
    void timersOfTwoQueriesDueTogetherFireInQueryOrderWhateverOrderTheyWereScheduledIn() {
        // the batch's flush at 1000 is scheduled at 0, the window's expiry of the event at 300 later; a
        // restore schedules them again in query order: both runs fire them in query order
        Scenario.of("""
                CREATE STREAM S (v INT);
                INSERT EXPIRED EVENTS INTO Out SELECT v FROM S WINDOW('time', 700);
                INSERT INTO Out SELECT v FROM S WINDOW('timeBatch', 1 SECOND);
                """)
                .send(0, 1).send(300, 2).advance(2000)
                .expect("700:expired:[1]", "1000:expired:[2]", "0:[1]", "300:[2]");
    }

    @Test
    void firstEveryNEventsPerGroupCountsPeriodsAcrossGroups() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (k STRING, v INT); "
                + "INSERT INTO Out SELECT k, sum(v) AS s FROM S GROUP BY k OUTPUT FIRST EVERY 3 EVENTS;");
        Collector c = new Collector();
        app.addCallback("Out", c);
        InputHandler in = app.inputHandler("S");
        String[] keys = {"a", "a", "b", "b", "a", "b"};
        for (int i = 0; i < keys.length; i++) {
            in.send(i + 1, new Object[] {keys[i], 1});
        }
        app.shutdown();
        // period 1: a(1), a(2), b(3) -> a@1, b@3; period 2: b(4), a(5), b(6) -> b@4, a@5
        assertThat(c.rows()).containsExactly("1:[a, 1]", "3:[b, 1]", "4:[b, 2]", "5:[a, 3]");
    }

    @Test
    void allEveryNEventsAndPartialPeriodFlushedOnShutdown() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S OUTPUT ALL EVERY 2 EVENTS;");
        Collector c = new Collector();
        app.addCallback("Out", c);
        for (int i = 1; i <= 5; i++) {
            app.inputHandler("S").send(i, new Object[] {i});
        }
        assertThat(c.rows()).containsExactly("1:[1]", "2:[2]", "3:[3]", "4:[4]");
        app.shutdown();
        assertThat(c.rows()).containsExactly("1:[1]", "2:[2]", "3:[3]", "4:[4]", "5:[5]");
        assertThat(c.chunks()).hasSize(3);
    }

    @Test
    void lastEveryDurationPerGroupOnATimerGridStartingAtTheFirstTime() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (k STRING, v INT); "
                + "INSERT INTO Out SELECT k, v FROM S GROUP BY k OUTPUT LAST EVERY 1 SECOND;");
        Collector c = new Collector();
        app.addCallback("Out", c);
        InputHandler in = app.inputHandler("S");
        in.send(100, new Object[] {"a", 1});
        in.send(200, new Object[] {"b", 2});
        in.send(300, new Object[] {"a", 3});
        in.send(1100, new Object[] {"b", 4});
        assertThat(c.rows()).containsExactly("300:[a, 3]", "200:[b, 2]");
        app.advanceTime(50_000_000L);
        assertThat(c.rows()).containsExactly("300:[a, 3]", "200:[b, 2]", "1100:[b, 4]");
        in.send(50_000_050L, new Object[] {"a", 9});
        app.shutdown();
        assertThat(c.rows()).last().isEqualTo("50000050:[a, 9]");
    }

    @Test
    void timersFireBeforeAnEventAtOrAfterTheirTimeAndTimeNeverGoesBack() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT sum(v) AS s FROM S WINDOW('timeBatch', 10);");
        Collector c = new Collector();
        app.addCallback("Out", c);
        InputHandler in = app.inputHandler("S");
        in.send(0, new Object[] {1});
        in.send(5, new Object[] {2});
        assertThat(app.currentTime()).isEqualTo(5);
        in.send(3, new Object[] {4}); // older: joins the batch, the clock stays at 5
        assertThat(app.currentTime()).isEqualTo(5);
        in.send(10, new Object[] {8}); // the flush at 10 fires first
        assertThat(c.rows()).containsExactly("10:[7]");
        app.advanceTime(35);
        assertThat(c.rows()).containsExactly("10:[7]", "20:[8]");
        assertThat(app.currentTime()).isEqualTo(35);
        assertThatThrownBy(() -> app.advanceTime(30)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("back");
    }

    @Test
    void sendWithoutTimestampUsesTheAppsCurrentTime() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;");
        Collector c = new Collector();
        app.addCallback("Out", c);
        app.advanceTime(777);
        app.inputHandler("S").send(1);
        assertThat(c.rows()).containsExactly("777:[1]");
    }

    @Test
    void advanceTimeIsRejectedOnTheWallClock() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;",
                DeployOptions.playback().withClock(io.eventflux.api.ClockMode.WALL));
        assertThatThrownBy(() -> app.advanceTime(5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("playback");
    }

    @Test
    void stoppedAppRejectsEvents() throws Exception {
        AppRuntime app = deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;");
        app.shutdown();
        app.shutdown();
        assertThatThrownBy(() -> app.inputHandler("S").send(1, new Object[] {1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }
}
