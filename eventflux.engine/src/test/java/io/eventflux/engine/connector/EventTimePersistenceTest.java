package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.management.StateRestore;
import io.eventflux.engine.EventFluxRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event-time buffer in the file persistence store: a changed version of the app (a query added) takes
 * it back, since the event-timed streams did not change; changing the delay starts it empty.
 */
class EventTimePersistenceTest {
    private static final String APP = """
            @app:name('Timed')
            CREATE STREAM S (ts LONG, v INT) WITH ('event.time' = 'ts', 'watermark.delay' = '%s');
            INSERT INTO Out SELECT ts, v FROM S;
            %s
            """;

    @TempDir
    Path dir;

    private DeployOptions options() {
        return DeployOptions.playback().withConfig(new AppConfig("test", Map.of("persistence.dir",
                dir.resolve("state").toString(), "persistence.interval", "0"), Map.of()));
    }

    @Test
    void aChangedAppKeepsTheBufferedEventsWhenItsEventTimedStreamsDidNotChange() throws Exception {
        List<Event> first = new CopyOnWriteArrayList<>();
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(APP.formatted("100", ""), options());
            app.addCallback("Out", first::addAll);
            app.inputHandler("S").send(1000L, 1);
            app.inputHandler("S").send(950L, 2);
        }
        assertThat(first).as("with a persistence store, shutdown saves the buffer instead of flushing it").isEmpty();
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = rt.deploy(APP.formatted("100", "INSERT INTO Count SELECT count() AS n FROM S;"), options());
            StateRestore restored = rt.management().apps().get(0).restored();
            assertThat(restored.kept()).contains("eventtime", "query-1");
            assertThat(restored.startedEmpty()).containsExactly("query-2");
            List<Event> out = new CopyOnWriteArrayList<>();
            app.addCallback("Out", out::addAll);
            app.inputHandler("S").send(1101L, 3); // watermark 1000: the two kept events come out in order
            assertThat(out).extracting(e -> e.timestamp()).containsExactly(950L, 1000L);
        }
        try (EventFluxRuntime rt = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            rt.deploy(APP.formatted("200", ""), options());
            StateRestore restored = rt.management().apps().get(0).restored();
            assertThat(restored.startedEmpty()).contains("eventtime");
        }
    }
}
