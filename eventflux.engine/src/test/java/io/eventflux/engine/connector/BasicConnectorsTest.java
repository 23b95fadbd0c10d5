package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timer source and the log sink of eventflux.connector.basic, on the real bundle. */
class BasicConnectorsTest {
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final Logger sinkLog = Logger.getLogger("io.eventflux.sink.log");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void close() {
        sinkLog.removeHandler(handler);
        runtime.close();
    }

    @Test
    void theTimerTicksOnTheWallClockAndCountsItsTicksInSnapshots() throws Exception {
        AppRuntimeImpl app = (AppRuntimeImpl) runtime.deploy("""
                CREATE STREAM Clock (t LONG, note STRING) WITH (type = 'source', extension = 'timer', timer.interval = '10 ms');
                INSERT INTO Out SELECT t, note FROM Clock;
                """, DeployOptions.defaults());
        List<Event> out = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        assertThat(Polling.await(() -> out.size() >= 3, 10)).isTrue();
        long t0 = (Long) out.get(0).get(0);
        assertThat(t0).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat((Long) out.get(2).get(0)).isGreaterThan(t0);
        assertThat(out.get(0).get(1)).isNull();
        Map<String, Serializable> snapshot = app.snapshotState();
        assertThat((Long) snapshot.get("source/Clock")).isGreaterThanOrEqualTo(3L);
    }

    @Test
    void theTimerNeedsALongFirstAttribute() {
        assertThatThrownBy(() -> runtime.deploy("CREATE STREAM Clock (t STRING) WITH (type = 'source', extension = 'timer');",
                DeployOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Clock").hasMessageContaining("LONG");
    }

    @Test
    void theLogSinkLogsEachEventAtInfoWithItsPrefix() throws Exception {
        sinkLog.addHandler(handler);
        AppRuntimeImpl app = (AppRuntimeImpl) runtime.deploy("""
                CREATE STREAM In (symbol STRING, n INT);
                CREATE STREAM Plain (symbol STRING, n INT) WITH (type = 'sink', extension = 'log', log.prefix = 'P> ');
                CREATE STREAM Json (symbol STRING, n INT) WITH (type = 'sink', extension = 'log', format = 'json');
                INSERT INTO Plain SELECT * FROM In;
                INSERT INTO Json SELECT * FROM In;
                """, DeployOptions.playback());
        app.inputHandler("In").send(5, new Object[] {"A", 1});
        assertThat(logged).extracting(LogRecord::getLevel).containsOnly(Level.INFO);
        assertThat(logged).extracting(LogRecord::getMessage)
                .containsExactlyInAnyOrder("P> [A, 1] @5", "Json: {\"symbol\":\"A\",\"n\":1}");
    }
}
