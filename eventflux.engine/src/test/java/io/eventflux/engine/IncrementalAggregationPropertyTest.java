package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental aggregations against a brute-force recomputation over random inputs (many seeds): every
 * granularity's rows equal the aggregates of the events grouped by calendar bucket (UTC) and key, with events
 * out of order (within retention); a shuffled input gives exactly the output of the sorted input.
 */
class IncrementalAggregationPropertyTest {
    private static final List<String> GRANULARITIES = List.of("seconds", "minutes", "hours", "days", "months",
            "years");
    private static final String SELECT = "SELECT sym, sum(price) AS total, count() AS n, count(price) AS np, "
            + "avg(price) AS av, min(price) AS lo, max(price) AS hi, stdDev(price) AS sd, variance(price) AS va, "
            + "sum(vol) AS v, distinctCount(vol) AS dv FROM Trades GROUP BY sym AGGREGATE BY ts EVERY SECONDS ... YEARS";

    record Trade(String sym, Double price, long vol, long ts) {
        Object[] data() {
            return new Object[] {sym, price, vol, ts};
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    private static List<Trade> trades(Random r, int n, long start, long spanMillis) {
        List<Trade> out = new ArrayList<>();
        String[] syms = {"a", "b", "c", "d"};
        for (int i = 0; i < n; i++) {
            Double price = r.nextInt(20) == 0 ? null : r.nextInt(100_000) / 100.0 - 300.0;
            out.add(new Trade(syms[r.nextInt(syms.length)], price, r.nextInt(12), start + (long) (r.nextDouble()
                    * spanMillis)));
        }
        return out;
    }

    private static List<List<List<Object>>> run(List<Trade> trades, String with) throws CompileException {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(IncrementalAggregationTest.TRADES + "CREATE AGGREGATION Agg AS " + SELECT
                    + with + ";\n", DeployOptions.playback());
            long t = 0;
            for (Trade trade : trades) {
                app.inputHandler("Trades").send(++t, trade.data());
            }
            List<List<List<Object>>> out = new ArrayList<>();
            for (String g : GRANULARITIES) {
                out.add(app.query("SELECT * FROM Agg WITHIN 0, 4102444800000 PER '" + g + "'").rowLists());
            }
            return out;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyGranularityMatchesBruteForceAndShuffledEqualsSorted(long seed) throws CompileException {
        Random r = new Random(seed);
        long start = Instant.parse("2023-11-28T00:00:00Z").toEpochMilli();
        // over ~2.3 years: month and year buckets of real calendar lengths (2024 is a leap year)
        List<Trade> trades = trades(r, 300, start, 800L * 86_400_000L);
        String with = " WITH ('retention.seconds' = 'all', 'retention.minutes' = 'all', 'retention.hours' = 'all', "
                + "'retention.days' = 'all')";
        List<Trade> sorted = new ArrayList<>(trades);
        sorted.sort(Comparator.comparingLong(Trade::ts));
        List<List<List<Object>>> fromSorted = run(sorted, with);
        Collections.shuffle(trades, r);
        List<List<List<Object>>> fromShuffled = run(trades, with);
        assertThat(fromShuffled).as("shuffled input gives exactly the sorted input's rows").isEqualTo(fromSorted);
        for (int g = 0; g < GRANULARITIES.size(); g++) {
            assertMatches(GRANULARITIES.get(g), fromShuffled.get(g), bruteForce(trades, GRANULARITIES.get(g),
                    Long.MIN_VALUE));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void outOfOrderWithinRetentionIsCountedAndRetentionDropsOldBuckets(long seed) throws CompileException {
        Random r = new Random(seed);
        long start = Instant.parse("2026-03-01T22:00:00Z").toEpochMilli();
        List<Trade> trades = new ArrayList<>();
        for (Trade t : trades(r, 400, 0, 1)) { // arrival every ~0.9 s, up to 50 s late
            long ts = start + trades.size() * 900L - r.nextInt(50_000);
            trades.add(new Trade(t.sym(), t.price(), t.vol(), ts));
        }
        List<List<List<Object>>> got = run(trades, " WITH ('retention.seconds' = '120', 'retention.minutes' = '3')");
        long newest = trades.stream().mapToLong(Trade::ts).max().orElseThrow();
        Map<String, Long> horizon = Map.of("seconds", bucket(newest, "seconds") - 119_000L,
                "minutes", bucket(newest, "minutes") - 2 * 60_000L);
        for (int g = 0; g < GRANULARITIES.size(); g++) {
            String name = GRANULARITIES.get(g);
            assertMatches(name, got.get(g), bruteForce(trades, name, horizon.getOrDefault(name, Long.MIN_VALUE)));
        }
        assertThat(got.get(0).stream().map(row -> row.get(0)).distinct().count()).isLessThanOrEqualTo(120);
    }

    private static long bucket(long ts, String g) {
        ZonedDateTime t = Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC);
        ZonedDateTime b = switch (g) {
            case "seconds" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minutes" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hours" -> t.truncatedTo(ChronoUnit.HOURS);
            case "days" -> t.truncatedTo(ChronoUnit.DAYS);
            case "months" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return b.toInstant().toEpochMilli();
    }

    /** The expected rows, by plain iteration: bucket, key, then the columns of {@link #SELECT}. */
    private static List<List<Object>> bruteForce(List<Trade> trades, String g, long horizon) {
        TreeMap<Long, TreeMap<String, List<Trade>>> groups = new TreeMap<>();
        for (Trade t : trades) {
            long b = bucket(t.ts(), g);
            if (b >= horizon) {
                groups.computeIfAbsent(b, x -> new TreeMap<>()).computeIfAbsent(t.sym(), x -> new ArrayList<>()).add(t);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((b, bySym) -> bySym.forEach((sym, ts) -> {
            List<Double> prices = ts.stream().map(Trade::price).filter(p -> p != null).toList();
            Double total = prices.isEmpty() ? null : prices.stream().mapToDouble(Double::doubleValue).sum();
            Double avg = prices.isEmpty() ? null : total / prices.size();
            Double var = null;
            if (!prices.isEmpty()) {
                double m = avg;
                var = prices.stream().mapToDouble(p -> (p - m) * (p - m)).sum() / prices.size();
            }
            Set<Long> vols = new HashSet<>();
            long v = 0;
            for (Trade t : ts) {
                vols.add(t.vol());
                v += t.vol();
            }
            List<Object> row = new ArrayList<>();
            row.add(b);
            row.add(sym);
            row.add(total);
            row.add((long) ts.size());
            row.add((long) prices.size());
            row.add(avg);
            row.add(prices.stream().min(Double::compare).orElse(null));
            row.add(prices.stream().max(Double::compare).orElse(null));
            row.add(var == null ? null : Math.sqrt(var));
            row.add(var);
            row.add(v);
            row.add((long) vols.size());
            rows.add(row);
        }));
        return rows;
    }

    private static void assertMatches(String g, List<List<Object>> got, List<List<Object>> expected) {
        assertThat(got).as("%s: number of rows", g).hasSameSizeAs(expected);
        for (int i = 0; i < got.size(); i++) {
            List<Object> a = got.get(i);
            List<Object> e = expected.get(i);
            assertThat(a).as("%s row %d width", g, i).hasSameSizeAs(e);
            for (int c = 0; c < a.size(); c++) {
                Object x = a.get(c);
                Object y = e.get(c);
                if (x instanceof Double dx && y instanceof Double dy) {
                    assertThat(dx).as("%s row %d column %d: %s vs %s", g, i, c, a, e)
                            .isCloseTo(dy, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(dy))));
                } else {
                    assertThat(x).as("%s row %d column %d: %s vs %s", g, i, c, a, e).isEqualTo(y);
                }
            }
        }
    }
}
