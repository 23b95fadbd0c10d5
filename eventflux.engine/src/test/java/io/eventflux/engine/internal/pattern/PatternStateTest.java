package io.eventflux.engine.internal.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.Serializable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pattern's snapshot holds: partial matches per state, and the count of dropped ones. */
class PatternStateTest {
    private static final String STREAMS = """
            CREATE STREAM A (id INT);
            CREATE STREAM B (id INT);
            """;

    private static PatternState.State state(AppRuntime app) {
        Map<String, Serializable> all = ((AppRuntimeImpl) app).snapshotState();
        return (PatternState.State) all.entrySet().stream().filter(e -> e.getKey().endsWith("/pattern"))
                .findFirst().orElseThrow().getValue();
    }

    @Test
    void theBoundDropsTheOldestAndCountsThem() throws Exception {
        try (EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = runtime.deploy("@app:pattern(max.partial.matches = 3)\n" + STREAMS
                    + "INSERT INTO Out SELECT e1.id AS a FROM PATTERN (EVERY e1=A -> e2=B);", DeployOptions.playback());
            for (int i = 1; i <= 10; i++) {
                app.inputHandler("A").send(i, new Object[] {i});
            }
            PatternState.State s = state(app);
            assertThat(s.dropped()).isEqualTo(7);
            // the EVERY start state and the three newest partial matches
            assertThat(s.partials()).hasSize(4);
            assertThat(s.partials().stream().filter(Partial::started).map(p -> p.startTs).sorted())
                    .containsExactly(8L, 9L, 10L);
        }
    }

    @Test
    void withinFreesExpiredPartialMatchesOnArrival() throws Exception {
        try (EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            AppRuntime app = runtime.deploy(STREAMS
                    + "INSERT INTO Out SELECT e1.id AS a FROM PATTERN (EVERY e1=A -> e2=B) WITHIN 100 MILLISECONDS;",
                    DeployOptions.playback());
            for (int i = 1; i <= 1000; i++) {
                app.inputHandler("A").send(i, new Object[] {i});
            }
            // alive: the start state and the A events at most 100 ms old (900..1000)
            assertThat(state(app).partials()).hasSize(102);
            app.inputHandler("B").send(1200, new Object[] {0});
            assertThat(state(app).partials()).hasSize(1);
        }
    }
}
