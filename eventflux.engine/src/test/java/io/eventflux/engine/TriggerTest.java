package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Triggers: AT START, AT EVERY and AT CRON in playback time (with snapshot, restore and continue at
 * every step) and in wall-clock time.
 */
class TriggerTest {
    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void atStartFiresOnceAtTheAppsStartTime() {
        Scenario.of("""
                CREATE TRIGGER Boot AT START;
                INSERT INTO Out SELECT triggered_time AS t FROM Boot;
                """)
                .advance(1000).advance(5000).advance(9000)
                .expect("1000:[1000]");
    }

    @Test
    void atEveryFirstFiresOnePeriodAfterTheStart() {
        Scenario.of("""
                CREATE STREAM S (v INT);
                CREATE TRIGGER Tick AT EVERY 2 SECONDS;
                INSERT INTO Out SELECT triggered_time AS t FROM Tick;
                """)
                .send(1000, 1).advance(4000).send(6500, 2).advance(9000)
                .expect("3000:[3000]", "5000:[5000]", "7000:[7000]", "9000:[9000]");
    }

    @Test
    void atCronFiresAtEveryMatchInUtc() {
        Scenario.of("""
                CREATE TRIGGER Every5s AT CRON '*/5 * * * * *';
                INSERT INTO Out SELECT triggered_time AS t FROM Every5s;
                """)
                .advance(1000).advance(9999).advance(10000).advance(17000)
                .expect("5000:[5000]", "10000:[10000]", "15000:[15000]");
    }

    @Test
    void atCronWithFieldsBeyondSeconds() {
        // second 30 of every 2nd minute
        Scenario.of("""
                CREATE TRIGGER T AT CRON '30 */2 * * * ?';
                INSERT INTO Out SELECT triggered_time AS t FROM T;
                """)
                .advance(0).advance(200_000).advance(400_000)
                .expect("30000:[30000]", "150000:[150000]", "270000:[270000]", "390000:[390000]");
    }

    @Test
    void triggerRowsFeedWindowsAndAggregates() {
        Scenario.of("""
                CREATE STREAM S (v INT);
                CREATE TRIGGER Tick AT EVERY 1 SECOND;
                INSERT INTO Out SELECT count() AS n FROM Tick WINDOW('lengthBatch', 3);
                """)
                .send(0, 1).advance(3500).advance(7000)
                .expect("3000:[3]", "6000:[3]");
    }

    @Test
    void anInvalidCronExpressionIsACompileError() {
        assertThatThrownBy(() -> runtime.deploy("CREATE TRIGGER T AT CRON '99 * * * * *';", DeployOptions.playback()))
                .isInstanceOf(io.eventflux.api.CompileException.class)
                .hasMessageContaining("the cron expression '99 * * * * *' of trigger 'T' is not valid");
    }

    @Test
    void theEngineChecksCronExpressionsOfPlansToo() {
        io.eventflux.sql.plan.AppPlan plan = new io.eventflux.sql.plan.AppPlan("bad", java.util.Map.of(),
                List.of(new io.eventflux.sql.plan.StreamDef(new io.eventflux.api.StreamSchema("T",
                        List.of(new io.eventflux.api.Attribute("triggered_time", io.eventflux.api.AttributeType.LONG))),
                        io.eventflux.sql.plan.StreamDef.Kind.TRIGGER, java.util.Map.of(),
                        io.eventflux.sql.plan.SourcePosition.UNKNOWN)),
                List.of(), List.of(), List.of(), List.of(), List.of(new io.eventflux.sql.plan.TriggerPlan("T",
                        io.eventflux.sql.plan.TriggerPlan.Kind.CRON, 0, "99 * * * * *",
                        io.eventflux.sql.plan.SourcePosition.UNKNOWN)));
        assertThatThrownBy(() -> runtime.deploy(plan, DeployOptions.playback()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid cron expression '99 * * * * *'");
    }

    @Test
    void atEveryInWallClockTime() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE TRIGGER Tick AT EVERY 20 MILLISECONDS;
                INSERT INTO Out SELECT triggered_time AS t FROM Tick;
                """, DeployOptions.defaults());
        Collector out = new Collector();
        app.addCallback("Out", out);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.events().size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        app.shutdown();
        List<Event> events = out.events();
        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get(0)).isEqualTo(events.get(i).timestamp());
            if (i > 0) {
                assertThat(events.get(i).timestamp() - events.get(i - 1).timestamp()).isEqualTo(20L);
            }
        }
    }
}
