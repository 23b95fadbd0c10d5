package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental aggregations (SQL.md 6): joins WITHIN ... PER, on-demand reads, calendar buckets, retention. */
class IncrementalAggregationTest {
    static final String TRADES = "CREATE STREAM Trades (sym STRING, price DOUBLE, vol LONG, ts LONG);\n";

    private EventFluxRuntime runtime;

    @BeforeEach
    void start() {
        runtime = RealBundles.runtime();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private static long utc(String datetime) {
        return java.time.LocalDateTime.parse(datetime.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC)
                .toEpochMilli();
    }

    @Test
    void joinReadsOneRowPerBucketAndKeyOldestFirst() throws CompileException {
        AppRuntime app = runtime.deploy(TRADES + "CREATE STREAM Q (sym STRING);\n"
                + "CREATE AGGREGATION TradeAgg AS SELECT sym, sum(price) AS total, avg(price) AS avgPrice FROM Trades "
                + "GROUP BY sym AGGREGATE BY ts EVERY SECONDS ... YEARS;\n"
                + "INSERT INTO Out SELECT Q.sym AS sym, a.AGG_TIMESTAMP AS day, a.total AS total, a.avgPrice AS av "
                + "FROM Q JOIN TradeAgg AS a ON Q.sym = a.sym "
                + "WITHIN '2026-01-01 00:00:00', '2026-02-01 00:00:00' PER 'days';\n", DeployOptions.playback());
        List<Event> out = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        app.inputHandler("Trades").send(1, new Object[] {"a", 10.0, 1L, utc("2026-01-02 10:00:00")});
        app.inputHandler("Trades").send(2, new Object[] {"a", 20.0, 1L, utc("2026-01-02 23:59:59")});
        app.inputHandler("Trades").send(3, new Object[] {"b", 5.0, 1L, utc("2026-01-02 12:00:00")});
        app.inputHandler("Trades").send(4, new Object[] {"a", 1.0, 1L, utc("2026-01-01 00:00:00")});
        app.inputHandler("Trades").send(5, new Object[] {"a", 99.0, 1L, utc("2026-02-01 00:00:00")}); // end excluded
        app.inputHandler("Trades").send(6, new Object[] {"a", 7.0, 1L, utc("2025-12-31 23:59:59")}); // before
        app.inputHandler("Q").send(7, new Object[] {"a"});
        assertThat(out).extracting(e -> List.of(e.data())).containsExactly(
                List.of("a", utc("2026-01-01 00:00:00"), 1.0, 1.0),
                List.of("a", utc("2026-01-02 00:00:00"), 30.0, 15.0));
    }

    @Test
    void boundsAndGranularityMayComeFromTheTriggeringEvent() throws CompileException {
        AppRuntime app = runtime.deploy(TRADES + "CREATE STREAM Q (sym STRING, lo LONG, hi STRING, unit STRING);\n"
                + "CREATE AGGREGATION Agg AS SELECT sym, count() AS n FROM Trades GROUP BY sym "
                + "AGGREGATE BY ts EVERY MINUTES, HOURS WITH ('timezone' = '+05:30');\n"
                + "INSERT INTO Out SELECT a.AGG_TIMESTAMP AS b, a.n AS n FROM Q LEFT OUTER JOIN Agg AS a "
                + "ON Q.sym = a.sym WITHIN Q.lo, Q.hi PER Q.unit;\n", DeployOptions.playback());
        List<Event> out = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        app.inputHandler("Trades").send(1, new Object[] {"a", 1.0, 1L, utc("2026-01-01 00:10:00")});
        app.inputHandler("Trades").send(2, new Object[] {"a", 1.0, 1L, utc("2026-01-01 00:40:00")});
        app.inputHandler("Trades").send(3, new Object[] {"a", 1.0, 1L, utc("2026-01-01 00:20:00")});
        // hours in +05:30 start at :30 UTC; a string bound is read in the aggregation's zone: 06:00 there is 00:30
        // UTC, the start of the bucket holding 00:40, which the (exclusive) end leaves out
        app.inputHandler("Q").send(4, new Object[] {"a", 0L, "2026-01-01 06:00:00", "hour"});
        app.inputHandler("Q").send(5, new Object[] {"a", utc("2026-01-01 00:15:00"), "2026-01-01 05:55:00",
                "MINUTES"});
        app.inputHandler("Q").send(6, new Object[] {"zz", 0L, "2026-01-01 06:00:00", "hours"});
        assertThat(out).extracting(e -> java.util.Arrays.asList(e.data())).containsExactly(
                List.of(utc("2025-12-31 23:30:00"), 2L), List.of(utc("2026-01-01 00:20:00"), 1L),
                java.util.Arrays.asList(null, null));
    }

    @Test
    void onDemandReadsWithCalendarMonthsAndEpochBounds() throws CompileException {
        AppRuntime app = runtime.deploy(TRADES + "CREATE AGGREGATION Agg AS SELECT sym, count() AS n, "
                + "max(price) AS hi FROM Trades GROUP BY sym AGGREGATE BY ts EVERY DAYS, MONTHS, YEARS;\n",
                DeployOptions.playback());
        app.inputHandler("Trades").send(1, new Object[] {"x", 1.0, 1L, utc("2024-02-29 23:00:00")});
        app.inputHandler("Trades").send(2, new Object[] {"x", 3.0, 1L, utc("2024-03-01 00:00:00")});
        app.inputHandler("Trades").send(3, new Object[] {"y", 2.0, 1L, utc("2024-02-01 00:00:00")});
        app.inputHandler("Trades").send(4, new Object[] {"x", 5.0, 1L, utc("2025-01-01 00:00:00")});
        assertThat(app.query("SELECT * FROM Agg WITHIN 0, 4102444800000 PER 'months'").rowLists()).containsExactly(
                List.of(utc("2024-02-01 00:00:00"), "x", 1L, 1.0),
                List.of(utc("2024-02-01 00:00:00"), "y", 1L, 2.0),
                List.of(utc("2024-03-01 00:00:00"), "x", 1L, 3.0),
                List.of(utc("2025-01-01 00:00:00"), "x", 1L, 5.0));
        assertThat(app.query("SELECT sym, n FROM Agg WITHIN '2024-01-01 00:00:00', '2025-01-01 00:00:00' PER 'years' "
                + "WHERE sym = 'x'").rowLists()).containsExactly(List.of("x", 2L));
        assertThat(app.query("SELECT sum(n) AS total FROM Agg WITHIN 0, 4102444800000 PER 'Day'").rowLists())
                .containsExactly(List.of(4L));
    }

    @Test
    void retentionKeepsTheNewestBucketsAndDropsLateValues() throws CompileException {
        AppRuntime app = runtime.deploy(TRADES + "CREATE AGGREGATION Agg AS SELECT sym, count() AS n FROM Trades "
                + "GROUP BY sym AGGREGATE BY ts EVERY SECONDS, MINUTES WITH ('retention.seconds' = '10', "
                + "'retention.minutes' = '3');\n", DeployOptions.playback());
        for (int i = 0; i < 20_000; i++) { // 20 000 s of events, 4 keys
            app.inputHandler("Trades").send(i, new Object[] {"k" + (i % 4), 1.0, 1L, i * 1000L});
        }
        // memory stays bounded: 10 second buckets (one key each) and 3 minute buckets of 4 keys, whatever the history
        assertThat(app.query("SELECT count() AS cells FROM Agg WITHIN 0, 99999999999 PER 'seconds'").rowLists())
                .containsExactly(List.of(10L));
        assertThat(app.query("SELECT count() AS cells FROM Agg WITHIN 0, 99999999999 PER 'minutes'").rowLists())
                .containsExactly(List.of(12L));
        List<List<Object>> oldest = app.query("SELECT AGG_TIMESTAMP FROM Agg WITHIN 0, 99999999999 PER 'seconds' "
                + "LIMIT 1").rowLists();
        assertThat(oldest).containsExactly(List.of(19_990_000L));
        // late within retention is counted; older than retention is dropped at that granularity only
        app.inputHandler("Trades").send(20_001, new Object[] {"k0", 1.0, 1L, 19_992_500L});
        app.inputHandler("Trades").send(20_002, new Object[] {"k0", 1.0, 1L, 19_900_000L});
        assertThat(app.query("SELECT n FROM Agg WITHIN 19992000, 19993000 PER 'seconds' WHERE sym = 'k0'")
                .rowLists()).containsExactly(List.of(2L));
        assertThat(app.query("SELECT sum(n) AS total FROM Agg WITHIN 0, 99999999999 PER 'seconds'").rowLists())
                .containsExactly(List.of(11L));
        assertThat(app.query("SELECT n FROM Agg WITHIN 19860000, 19920000 PER 'minutes' WHERE sym = 'k0'")
                .rowLists()).containsExactly(List.of(16L));
    }

    @Test
    void compileErrorsNamePlaceAndReason() {
        assertThatThrownBy(() -> runtime.deploy(TRADES + "CREATE AGGREGATION A AS SELECT sym, first(price) AS f "
                + "FROM Trades GROUP BY sym AGGREGATE EVERY SECONDS ... HOURS;", DeployOptions.playback()))
                .isInstanceOf(CompileException.class).hasMessageContaining("line 2, column 37")
                .hasMessageContaining("cannot be kept incrementally");
        assertThatThrownBy(() -> runtime.deploy(TRADES + "CREATE STREAM Q (sym STRING);\n"
                + "CREATE AGGREGATION A AS SELECT sym, sum(price) AS s FROM Trades GROUP BY sym "
                + "AGGREGATE EVERY SECONDS ... HOURS;\n"
                + "INSERT INTO Out SELECT a.s FROM Q JOIN A AS a ON Q.sym = a.sym WITHIN 0, 10 PER 'days';",
                DeployOptions.playback())).isInstanceOf(CompileException.class)
                .hasMessageContaining("has no granularity 'days'");
    }

    @Test
    void snapshotCarriesTheBuckets() throws CompileException {
        String sql = TRADES + "CREATE AGGREGATION Agg AS SELECT sym, sum(vol) AS v, distinctCount(vol) AS dv "
                + "FROM Trades GROUP BY sym AGGREGATE BY ts EVERY SECONDS, HOURS;\n";
        AppRuntime app = runtime.deploy(sql, DeployOptions.playback());
        app.inputHandler("Trades").send(1, new Object[] {"a", 1.0, 3L, 1000L});
        app.inputHandler("Trades").send(2, new Object[] {"a", 1.0, 4L, 2000L});
        java.util.Map<String, java.io.Serializable> snapshot = roundTrip(
                ((io.eventflux.engine.internal.app.AppRuntimeImpl) app).snapshotState());
        app.inputHandler("Trades").send(3, new Object[] {"a", 1.0, 4L, 2500L});
        List<List<Object>> after = new ArrayList<>(app.query("SELECT * FROM Agg WITHIN 0, 9999999 PER 'hours'")
                .rowLists());
        EventFluxRuntime second = RealBundles.runtime();
        AppRuntime restored = second.deploy(sql, DeployOptions.playback());
        try {
            ((io.eventflux.engine.internal.app.AppRuntimeImpl) restored).restoreState(snapshot);
            assertThat(restored.query("SELECT * FROM Agg WITHIN 0, 9999999 PER 'hours'").rowLists())
                    .containsExactly(List.of(0L, "a", 7L, 2L));
            restored.inputHandler("Trades").send(3, new Object[] {"a", 1.0, 4L, 2500L});
            assertThat(restored.query("SELECT * FROM Agg WITHIN 0, 9999999 PER 'hours'").rowLists())
                    .isEqualTo(after).containsExactly(List.of(0L, "a", 11L, 2L));
        } finally {
            second.close();
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T state) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(state);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
