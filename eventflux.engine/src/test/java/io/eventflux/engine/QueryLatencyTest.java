package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import io.eventflux.api.management.QueryLatency;
import io.eventflux.api.management.QueryStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-query latency: every query counts each chunk it receives (one per input stream chunk; one per key
 * and chunk in a partition) and sums the time it took, as management's {@code QueryStatus} shows it.
 */
class QueryLatencyTest {
    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void everyKindOfQueryCountsItsChunksAndSumsTheirDurations() throws Exception {
        AppRuntime app = runtime.deploy("""
                @app:metrics(latency = 'all')
                CREATE STREAM Trades (sym STRING, qty INT);
                CREATE STREAM Quotes (sym STRING, bid DOUBLE);
                CREATE STREAM Other (x INT);
                @info(name = 'windowed')
                INSERT INTO Big SELECT sym, sum(qty) AS total FROM Trades WINDOW('length', 2);
                @info(name = 'joined')
                INSERT INTO Joined SELECT Trades.sym AS sym, bid FROM Trades WINDOW('length', 1)
                    JOIN Quotes WINDOW('length', 1) ON Trades.sym = Quotes.sym;
                @info(name = 'pattern')
                INSERT INTO Seq SELECT e1.sym AS a, e2.sym AS b FROM PATTERN (EVERY e1=Trades -> e2=Quotes);
                @info(name = 'idle')
                INSERT INTO Idle SELECT x FROM Other;
                PARTITION WITH (sym OF Trades) BEGIN
                  @info(name = 'perKey')
                  INSERT INTO PerKey SELECT sym, count() AS n FROM Trades;
                END;
                """, DeployOptions.playback().withName("latency"));
        InputHandler trades = app.inputHandler("Trades");
        InputHandler quotes = app.inputHandler("Quotes");
        long start = System.nanoTime();
        trades.send(1, new Object[] {"A", 1});
        trades.send(2, new Object[] {"A", 2});
        trades.send(3, new Object[] {"B", 3});
        trades.send(List.of(new Event(4, new Object[] {"A", 4}), new Event(5, new Object[] {"B", 5}),
                new Event(6, new Object[] {"A", 6}), new Event(7, new Object[] {"B", 7})));
        quotes.send(8, new Object[] {"A", 1.5});
        quotes.send(9, new Object[] {"B", 2.5});
        long elapsed = System.nanoTime() - start;

        Map<String, QueryLatency> latency = latencies();
        assertThat(latency.get("windowed").count()).isEqualTo(4); // 3 single events, 1 chunk of 4
        assertThat(latency.get("joined").count()).isEqualTo(6); // 4 chunks of Trades, 2 of Quotes
        assertThat(latency.get("pattern").count()).isEqualTo(6);
        assertThat(latency.get("perKey").count()).isEqualTo(5); // 3 single events, the chunk split into A and B
        assertThat(latency.get("idle").count()).isZero();
        for (String q : List.of("windowed", "joined", "pattern", "perKey")) {
            QueryLatency l = latency.get(q);
            assertThat(l.sumNanos()).as(q).isPositive().isLessThanOrEqualTo(elapsed);
            assertThat(l.cumulativeCounts()).as(q).isSorted();
            assertThat(l.cumulativeCounts().get(l.cumulativeCounts().size() - 1)).as(q).isLessThanOrEqualTo(l.count());
        }
        assertThat(latency.get("idle").sumNanos()).isZero();
        assertThat(latency.values()).allSatisfy(l -> assertThat(l.chunks()).isEqualTo(l.count()));

        // a stopped app has no figures
        app.shutdown();
        assertThat(runtime.management().status("latency").queries()).allMatch(q -> q.latency() == null);
    }

    @Test
    void theAppOptionTurnsMeasuringOffAndABadValueIsNamed() throws Exception {
        AppRuntime app = runtime.deploy("""
                @app:metrics(latency = 'off')
                CREATE STREAM S (x INT);
                INSERT INTO Out SELECT x FROM S WINDOW('length', 2);
                """, DeployOptions.playback().withName("latency"));
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(1, new Object[] {7});
        assertThat(out.rows()).containsExactly("1:[7]");
        assertThat(runtime.management().status("latency").queries()).singleElement()
                .satisfies(q -> assertThat(q.latency()).isNull());

        assertThatThrownBy(() -> runtime.deploy("""
                @app:metrics(latency = 'sometimes')
                CREATE STREAM S (x INT);
                INSERT INTO Out SELECT x FROM S;
                """, DeployOptions.playback().withName("bad")))
                .hasMessageContaining("app 'bad'").hasMessageContaining("metrics.latency = 'sometimes'")
                .hasMessageContaining("'on' (one chunk in 64 timed), 'all', 'off' or a power of two N");
    }

    @Test
    void byDefaultEveryChunkIsCountedAndOneIn64Timed() throws Exception {
        AppRuntime app = runtime.deploy("""
                CREATE STREAM S (x INT);
                @info(name = 'q')
                INSERT INTO Out SELECT x FROM S WHERE x > 0;
                """, DeployOptions.playback().withName("latency"));
        for (int i = 0; i < 200; i++) {
            app.inputHandler("S").send(i, new Object[] {i});
        }
        QueryLatency l = latencies().get("q");
        assertThat(l.chunks()).isEqualTo(200);
        assertThat(l.sampleEvery()).isEqualTo(64);
        assertThat(l.count()).isEqualTo(3); // the 64th, 128th and 192nd
        assertThat(l.sumNanos()).isPositive();

        AppRuntime every8 = runtime.deploy("""
                @app:metrics(latency = '8')
                CREATE STREAM S (x INT);
                @info(name = 'q')
                INSERT INTO Out SELECT x FROM S;
                """, DeployOptions.playback().withName("eight"));
        for (int i = 0; i < 20; i++) {
            every8.inputHandler("S").send(i, new Object[] {i});
        }
        QueryLatency e = runtime.management().status("eight").queries().get(0).latency();
        assertThat(e.chunks()).isEqualTo(20);
        assertThat(e.count()).isEqualTo(2);
        assertThat(e.sampleEvery()).isEqualTo(8);
    }

    private Map<String, QueryLatency> latencies() {
        return runtime.management().status("latency").queries().stream()
                .collect(Collectors.toMap(QueryStatus::name, QueryStatus::latency, (a, b) -> a, java.util.TreeMap::new));
    }

}
