package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.StreamDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deployed app shows the plan it runs, so a tool need not compile its SQL again (the CLI's inMemory input). */
class CompiledAppTest {
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void aDeployedAppShowsThePlanItRunsWithItsStreamsOptions() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE STREAM S (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'stocks');
                INSERT INTO Out SELECT symbol FROM S WHERE price > 1.0;
                """, DeployOptions.playback().withName("planned"));

        assertThat(app).isInstanceOf(CompiledApp.class);
        AppPlan plan = ((CompiledApp) app).plan();
        assertThat(plan).isNotNull();
        StreamDef s = plan.streams().stream().filter(d -> d.schema().name().equals("S")).findFirst().orElseThrow();
        assertThat(s.options()).containsEntry("inMemory.topic", "stocks").containsEntry("extension", "inMemory");
        assertThat(plan.streams()).extracting(d -> d.schema().name()).contains("S", "Out");
    }
}
