package io.eventflux.engine.connector;

import static io.eventflux.engine.connector.ConnectorFixture.DLQ;
import static io.eventflux.engine.connector.ConnectorFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.config.AppConfig;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection retries, source state in snapshots, options from configuration files and ${VAR}. */
class LifecycleAndOptionsTest {
    private final ConnectorFixture f = new ConnectorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aSinkThatCannotConnectRetriesInTheBackgroundWhileAnotherAppRuns() throws Exception {
        f.sink.startFailures.set(2);
        long before = System.nanoTime();
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy("""
                CREATE STREAM In (n INT);
                CREATE STREAM Out (n INT) WITH (type = 'sink', extension = 'flaky',
                  error.retry.initial-delay = '400 ms', error.retry.max-delay = '800 ms');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults().withName("slow-sink"));
        // the deploy made one attempt and returned: retries happen on the connector scheduler
        assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);
        assertThat(app.sinkConnected("Out")).isFalse();
        app.inputHandler("In").send(0); // not connected: the error strategy (drop) counts it
        assertThat(Polling.await(() -> app.errorDroppedCount("Out") == 1, 10)).isTrue();

        AppRuntime other = f.runtime.deploy("CREATE STREAM S (v INT); INSERT INTO T SELECT v FROM S;",
                DeployOptions.defaults().withName("other"));
        List<Event> seen = new CopyOnWriteArrayList<>();
        other.addCallback("T", seen::addAll);
        other.inputHandler("S").send(7);
        assertThat(Polling.await(() -> seen.size() == 1, 10)).isTrue();

        assertThat(Polling.await(() -> app.sinkConnected("Out"), 10)).isTrue();
        assertThat(f.sink.starts.get()).isEqualTo(3);
        app.inputHandler("In").send(1);
        app.processed().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(f.sink.delivered).containsExactly(List.of(1));
    }

    @Test
    void aSourceThatLosesItsConnectionIsRestarted() throws Exception {
        f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test', "
                + "error.retry.initial-delay = '10 ms'); INSERT INTO Out SELECT n FROM In;", DeployOptions.defaults());
        f.source.listener("In").onConnectionLost(new java.io.IOException("reset by peer"));
        assertThat(Polling.await(() -> f.source.calls.size() == 3, 10)).isTrue();
        assertThat(f.source.calls).containsExactly("start", "stop", "start");
    }

    @Test
    void snapshotsIncludeTheSourcesPositionAndRestoreItBeforeTheSourceStartsAgain() throws Exception {
        String sql = "CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test'); "
                + "INSERT INTO Out SELECT sum(n) AS s FROM In WINDOW('length', 2);";
        AppRuntimeImpl first = (AppRuntimeImpl) f.runtime.deploy(sql, DeployOptions.playback().withName("first"));
        f.source.offset = 42;
        Map<String, Serializable> snapshot = first.snapshotState();
        assertThat(snapshot).containsEntry("source/In", 42L);
        f.runtime.undeploy("first");

        AppRuntimeImpl second = (AppRuntimeImpl) f.runtime.deploy(sql, DeployOptions.playback().withName("second"));
        f.source.calls.clear();
        second.restoreState(snapshot);
        assertThat(f.source.calls).containsExactly("stop", "restore:42", "start");
        assertThat(f.source.offset).isEqualTo(42);
        f.source.listener("In").onPayload(new Object[] {5}, Map.of());
    }

    @Test
    void connectorKeysMayComeOnlyFromTheConfigurationFileWithVariables() throws Exception {
        AppConfig config = new AppConfig("conf/eventflux.toml", Map.of("error.strategy", "dlq",
                "error.dlq.stream", "Dead"),
                Map.of("In", Map.of("type", "source", "extension", "${SRC:test}", "format", "json")));
        AppRuntime app = f.runtime.deploy(DLQ + "CREATE STREAM In (n INT); INSERT INTO Out SELECT n FROM In;",
                DeployOptions.defaults().withSynchronous(true).withConfig(config).withEnvironment(Map.of()));
        List<Event> out = new CopyOnWriteArrayList<>();
        List<Event> dead = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        app.addCallback("Dead", dead::addAll);
        f.source.listener("In").onPayload("{\"n\": 3}", Map.of());
        f.source.listener("In").onPayload("{\"n\": ", Map.of());
        assertThat(rows(out)).containsExactly(List.of(3));
        assertThat(dead).hasSize(1); // the [application] table's strategy applies to the connector stream
    }

    @Test
    void anUnsetVariableFailsTheDeployNamingStreamKeyAndVariable() {
        assertThatThrownBy(() -> f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test', "
                + "test.password = '${DB_PASSWORD}'); INSERT INTO Out SELECT n FROM In;",
                DeployOptions.defaults().withEnvironment(Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("In")
                .hasMessageContaining("test.password").hasMessageContaining("DB_PASSWORD");
    }

    @Test
    void optionsFromTheConfigurationFileAreCheckedAtDeploy() throws Exception {
        AppConfig badDlq = new AppConfig("conf/eventflux.toml", Map.of(),
                Map.of("In", Map.of("error.strategy", "dlq", "error.dlq.stream", "Nope")));
        assertThatThrownBy(() -> f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test');",
                DeployOptions.defaults().withConfig(badDlq)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Nope' is not declared")
                .hasMessageContaining("(originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG, "
                        + "attemptCount INT, streamName STRING)");
        AppConfig badValue = new AppConfig("conf/eventflux.toml", Map.of(),
                Map.of("In", Map.of("backpressure", "wait")));
        assertThatThrownBy(() -> f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test');",
                DeployOptions.defaults().withConfig(badValue)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream In")
                .hasMessageContaining("backpressure").hasMessageContaining("'wait'");
        // a format no bundle provides (yet) is a missing extension: the app waits for it
        AppRuntime waiting = f.runtime.deploy("CREATE STREAM In (n INT) WITH (type = 'source', extension = 'test', "
                + "format = 'yaml');", DeployOptions.defaults().withName("yaml"));
        assertThat(waiting.info().state()).isEqualTo(io.eventflux.api.AppState.WAITING);
        assertThat(waiting.info().waitingFor()).containsExactly("mapper:yaml");
    }
}
