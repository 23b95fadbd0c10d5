package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An event an aggregation cannot place (NULL AGGREGATE BY) goes to its source stream's error strategy, counted. */
class AggregationBadEventTest {
    private static final String AGG = "CREATE AGGREGATION Agg AS SELECT sym, count() AS n FROM Trades GROUP BY sym "
            + "AGGREGATE BY ts EVERY SECONDS ... DAYS;\n";

    private EventFluxRuntime runtime;

    @BeforeEach
    void start() {
        runtime = RealBundles.runtime();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private static String trades(String with) {
        return "CREATE STREAM Trades (sym STRING, price DOUBLE, vol LONG, ts LONG)" + with + ";\n";
    }

    private static long count(AppRuntime app) throws CompileException {
        List<List<Object>> rows = app.query("SELECT sum(n) AS n FROM Agg WITHIN 0, 9999999999999 PER 'days'")
                .rowLists();
        return rows.isEmpty() || rows.get(0).get(0) == null ? 0 : (Long) rows.get(0).get(0);
    }

    @Test
    void aNullAggregateByGoesToTheDeadLetterStreamAndIsCounted() throws CompileException {
        AppRuntime app = runtime.deploy(trades(" WITH ('error.strategy' = 'dlq', 'error.dlq.stream' = 'Dead')")
                + "CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG, "
                + "attemptCount INT, streamName STRING);\n" + AGG
                + "INSERT INTO DeadOut SELECT originalEvent, errorType, streamName, errorMessage FROM Dead;\n",
                DeployOptions.playback());
        List<Event> dead = new CopyOnWriteArrayList<>();
        app.addCallback("DeadOut", dead::addAll);
        app.inputHandler("Trades").send(5, new Object[] {"a", 1.0, 1L, 1000L});
        app.inputHandler("Trades").send(6, new Object[] {"b", 2.0, 2L, null});
        app.inputHandler("Trades").send(7, new Object[] {"a", 3.0, 3L, 2000L});
        assertThat(dead).hasSize(1);
        assertThat(Arrays.asList(dead.get(0).data()).subList(0, 3))
                .containsExactly("[b, 2.0, 2, null]", "MISSING_AGGREGATE_BY", "Trades");
        assertThat((String) dead.get(0).data()[3]).contains("Agg", "AGGREGATE BY", "NULL");
        assertThat(dead.get(0).timestamp()).as("stamped with the event's time").isEqualTo(6);
        assertThat(((AppRuntimeImpl) app).aggregationErrorCount("Agg")).isEqualTo(1);
        assertThat(count(app)).as("the good events are aggregated").isEqualTo(2);
    }

    @Test
    void aNullAggregateByIsDroppedAndCountedByDefault() throws CompileException {
        AppRuntime app = runtime.deploy(trades("") + AGG, DeployOptions.playback());
        for (int i = 0; i < 3; i++) {
            app.inputHandler("Trades").send(i + 1, new Object[] {"a", 1.0, 1L, null});
        }
        app.inputHandler("Trades").send(9, new Object[] {"a", 1.0, 1L, 5000L});
        assertThat(((AppRuntimeImpl) app).aggregationErrorCount("Agg")).isEqualTo(3);
        assertThat(count(app)).isEqualTo(1);
    }

    @Test
    void aNullAggregateByUnderErrorStrategyFailFailsTheApp() throws CompileException {
        AppRuntime app = runtime.deploy("@app:name('aggfail') " + trades(" WITH ('error.strategy' = 'fail')") + AGG,
                DeployOptions.playback());
        app.inputHandler("Trades").send(1, new Object[] {"a", 1.0, 1L, null});
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (state() != AppState.FAILED && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(state()).isEqualTo(AppState.FAILED);
        assertThat(runtime.management().status("aggfail").summary().error()).contains("AGGREGATE BY value is NULL");
    }

    private AppState state() {
        return runtime.management().status("aggfail").summary().state();
    }
}
