package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.InputHandler;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public conformance cases 01, 02, 03, 04, 07 and 10, driven through the SQL compiler, playback time
 * and callbacks exactly as {@code eventflux replay} drives them (inputs and expectations transcribed from
 * ../shared/conformance/cases).
 */
class ConformanceCasesTest {
    private final EventFluxRuntime runtime = TestEngines.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private AppRuntime deploy(String sql) throws Exception {
        return runtime.deploy(sql, DeployOptions.playback());
    }

    @Test
    void case01FilterProjection() throws Exception {
        AppRuntime app = deploy("""
                CREATE STREAM StockStream (symbol STRING, price DOUBLE, volume LONG);
                INSERT INTO HighPrice SELECT symbol, price * 2 AS doubled FROM StockStream WHERE price > 50;
                """);
        Collector out = new Collector();
        app.addCallback("HighPrice", out);
        InputHandler in = app.inputHandler("StockStream");
        in.send(1000, new Object[] {"IBM", 75.5, 100});
        in.send(1001, new Object[] {"MSFT", 20.0, 5});
        in.send(1002, new Object[] {"GOOG", 51, 7});
        app.shutdown();
        assertThat(out.rows()).containsExactly("1000:[IBM, 151.0]", "1002:[GOOG, 102.0]");
        assertThat(out.events().get(1).get(1)).isInstanceOf(Double.class);
    }

    @Test
    void case02LengthWindowAvg() throws Exception {
        AppRuntime app = deploy("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                INSERT INTO Out SELECT symbol, avg(price) AS avgPrice, count() AS n FROM S WINDOW('length', 2);
                """);
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        in.send(1, new Object[] {"A", 10});
        in.send(2, new Object[] {"B", 20});
        in.send(3, new Object[] {"C", 30});
        app.shutdown();
        assertThat(out.rows()).containsExactly("1:[A, 10.0, 1]", "2:[B, 15.0, 2]", "3:[C, 25.0, 2]");
        assertThat(out.events().get(0).get(2)).isInstanceOf(Long.class);
    }

    @Test
    void case03LengthBatchSum() throws Exception {
        AppRuntime app = deploy("""
                CREATE STREAM S (v LONG);
                INSERT INTO Out SELECT sum(v) AS total, count() AS n FROM S WINDOW('lengthBatch', 3);
                """);
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        for (int i = 1; i <= 7; i++) {
            in.send(i, new Object[] {(long) i});
        }
        app.shutdown();
        assertThat(out.rows()).containsExactly("3:[6, 3]", "6:[15, 3]");
    }

    @Test
    void case04TumblingGroupBy() throws Exception {
        AppRuntime app = deploy("""
                CREATE STREAM Trades (symbol STRING, volume LONG);
                INSERT INTO Totals
                SELECT symbol, sum(volume) AS total
                FROM Trades WINDOW('tumbling', 1 SECOND)
                GROUP BY symbol;
                """);
        Collector out = new Collector();
        app.addCallback("Totals", out);
        InputHandler in = app.inputHandler("Trades");
        in.send(0, new Object[] {"A", 1});
        in.send(100, new Object[] {"B", 2});
        in.send(500, new Object[] {"A", 3});
        in.send(1000, new Object[] {"A", 10});
        in.send(1500, new Object[] {"B", 5});
        app.advanceTime(2000);
        app.shutdown();
        assertThat(out.rows()).containsExactly("1000:[A, 4]", "1000:[B, 2]", "2000:[A, 10]", "2000:[B, 5]");
        assertThat(out.chunks()).hasSize(2);
    }

    @Test
    void case07GroupHavingOrderLimitChunk() throws Exception {
        AppRuntime app = deploy("""
                CREATE STREAM In (a INT, b INT);
                INSERT INTO Out SELECT b, sum(a) AS s FROM In GROUP BY b HAVING sum(a) > 5 ORDER BY b DESC LIMIT 2 OFFSET 1;
                """);
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("In").send(List.of(new Event(1, new Object[] {3, 1}), new Event(1, new Object[] {4, 1}),
                new Event(1, new Object[] {10, 2}), new Event(1, new Object[] {1, 3})));
        app.shutdown();
        assertThat(out.rows()).containsExactly("1:[1, 7]");
        assertThat(out.events().get(0).get(1)).isInstanceOf(Long.class);
    }

    @Test
    void case10OutputLastEvery3() throws Exception {
        AppRuntime app = deploy("""
                CREATE STREAM In (v INT);
                INSERT INTO Out SELECT v FROM In OUTPUT LAST EVERY 3 EVENTS;
                """);
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("In");
        for (int i = 1; i <= 6; i++) {
            in.send(i, new Object[] {i * 10});
        }
        app.shutdown();
        assertThat(out.rows()).containsExactly("3:[30]", "6:[60]");
    }
}
