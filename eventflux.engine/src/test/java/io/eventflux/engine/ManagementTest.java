package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.QueryStatus;
import io.eventflux.api.management.RuntimeStats;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.api.management.StreamStatus;
import io.eventflux.api.extension.Extension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management service over a real runtime: what the Gogo commands and REST API show and do. */
class ManagementTest {
    private final EventFluxRuntime runtime = RealBundles.runtime();
    private final EventFluxManagement management = runtime.management();

    private static final String APP = """
            @app:name('trades')
            CREATE STREAM Trades (sym STRING, qty INT);
            CREATE TABLE Totals (sym STRING, qty INT, PRIMARY KEY (sym));
            @info(name = 'windowed')
            INSERT INTO Big SELECT sym, sum(qty) AS total FROM Trades WINDOW('length', 2);
            INSERT INTO Totals SELECT sym, qty FROM Trades;
            """;

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void deploySendQueryStatusAndStats() throws Exception {
        AppSummary deployed = management.deploy(APP, DeployOptions.defaults().withSynchronous(true));
        assertThat(deployed.name()).isEqualTo("trades");
        assertThat(deployed.state()).isEqualTo(AppState.RUNNING);

        CompletableFuture<List<Event>> traced = CompletableFuture.supplyAsync(() -> {
            try {
                return management.trace("trades", "Big", 2, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // trace subscribes asynchronously: send until it has seen two events (bounded)
        int sent = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!traced.isDone() && System.nanoTime() < deadline) {
            sent += management.send("trades", "Trades", "{\"sym\": \"A\", \"qty\": 1}");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertThat(traced.get(1, TimeUnit.SECONDS)).hasSize(2).allSatisfy(e -> assertThat(e.data()[0]).isEqualTo("A"));
        assertThat(management.send("trades", "Trades", "[[\"B\", 5], {\"sym\": \"C\", \"qty\": 7}]")).isEqualTo(2);
        management.send("trades", "Trades", new Object[] {"D", 9});
        sent += 3;

        assertThat(management.query("trades", "SELECT sym, qty FROM Totals WHERE qty > 4 ORDER BY sym").rowLists())
                .containsExactly(List.of("B", 5), List.of("C", 7), List.of("D", 9));

        AppStatus status = management.status("trades");
        assertThat(status.summary().state()).isEqualTo(AppState.RUNNING);
        assertThat(status.streams()).extracting(StreamStatus::name).containsExactly("Trades", "Big");
        StreamStatus trades = status.streams().get(0);
        assertThat(trades.input()).isTrue();
        assertThat(trades.events()).isEqualTo(sent);
        assertThat(status.streams().get(1).output()).isTrue();
        assertThat(status.streams().get(1).events()).isEqualTo(sent);
        assertThat(status.queries()).extracting(QueryStatus::name).contains("windowed");
        assertThat(status.queries().get(0).inputs()).containsExactly("Trades");
        assertThat(status.queries().get(0).output()).isEqualTo("Big");

        AppStats stats = management.stats("trades");
        assertThat(stats.eventsIn()).isEqualTo(sent);
        assertThat(stats.eventsOut()).isEqualTo(sent);
        RuntimeStats all = management.stats();
        assertThat(all.running()).isEqualTo(1);
        assertThat(all.apps()).extracting(AppStats::app).containsExactly("trades");
        assertThat(all.extensions()).isGreaterThan(10);
    }

    @Test
    void snapshotAndRestoreRevisionsInMemory() throws Exception {
        management.deploy(APP, DeployOptions.playback());
        List<Event> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        management.trace("trades", "Big", out::addAll);
        management.send("trades", "Trades", new Object[] {"A", 1});
        SnapshotInfo first = management.snapshot("trades");
        management.send("trades", "Trades", new Object[] {"A", 10});
        SnapshotInfo second = management.snapshot("trades");
        assertThat(first.revision()).isEqualTo("1");
        assertThat(second.revision()).isEqualTo("2");
        assertThat(management.snapshots("trades")).containsExactly(first, second);

        management.restore("trades", "1"); // the window holds [1] again
        management.send("trades", "Trades", new Object[] {"A", 100});
        management.restore("trades", "1"); // a revision can be restored twice
        management.send("trades", "Trades", new Object[] {"A", 1000});
        assertThat(management.restore("trades", null)).isEqualTo(second); // latest: the window holds [1, 10]
        management.send("trades", "Trades", new Object[] {"A", 5});
        assertThat(out).extracting(e -> e.data()[1]).containsExactly(1L, 11L, 101L, 1001L, 15L);
        assertThatThrownBy(() -> management.restore("trades", "9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no snapshot revision '9'").hasMessageContaining("[1, 2]");
    }

    @Test
    void waitingAppsAndErrorsAreReportedClearly() throws Exception {
        AppSummary waiting = management.deploy(APP.replace("'length'", "'hamster'"));
        assertThat(waiting.state()).isEqualTo(AppState.WAITING);
        assertThat(waiting.waitingFor()).containsExactly("window:hamster");
        assertThat(management.apps()).containsExactly(waiting);
        assertThat(management.status("trades").streams()).isEmpty();
        assertThatThrownBy(() -> management.send("trades", "Trades", "{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waiting for window:hamster");
        assertThatThrownBy(() -> management.status("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no app 'nope'").hasMessageContaining("[trades]");
        assertThat(management.undeploy("trades")).isTrue();
        management.deploy(APP);
        assertThatThrownBy(() -> management.send("trades", "Nope", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stream 'Nope'").hasMessageContaining("Trades");
    }

    @Test
    void extensionsByTypeCarryTheirParameterDocs() {
        List<ExtensionInfo> windows = management.extensions("window");
        assertThat(windows).isNotEmpty().allSatisfy(e -> assertThat(e.type()).isEqualTo(Extension.WINDOW));
        ExtensionInfo length = windows.stream().filter(e -> e.name().equals("length")).findFirst().orElseThrow();
        assertThat(length.parameters()).isNotEmpty();
        assertThat(management.extensions(null)).hasSizeGreaterThan(windows.size());
    }
}
