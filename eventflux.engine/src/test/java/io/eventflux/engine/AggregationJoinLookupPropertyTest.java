package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A join with an aggregation looks up only the left row's key when ON equates it with a GROUP BY attribute:
 * over random inputs (many seeds) each such join gives exactly the rows of the same join whose ON says the same
 * without an equality (NOT ... <> ... AND ... IS NOT NULL: NULL <> x is false here), which builds every row of
 * the buckets and filters them.
 */
class AggregationJoinLookupPropertyTest {
    private static final String[] SYMS = {"a", "b", "c", "d", "e"};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    /** Query pairs: the look-up form, then the same condition without an equality. */
    private static final String[][] PAIRS = {
        {"FROM Q JOIN A1 AS a ON Q.sym = a.sym", "FROM Q JOIN A1 AS a ON " + same("Q.sym", "a.sym")},
        {"FROM Q JOIN A1 AS a ON a.sym = Q.sym AND a.n > Q.min",
            "FROM Q JOIN A1 AS a ON " + same("Q.sym", "a.sym") + " AND a.n > Q.min"},
        {"FROM Q LEFT OUTER JOIN A1 AS a ON Q.sym = a.sym", "FROM Q LEFT OUTER JOIN A1 AS a ON " + same("Q.sym", "a.sym")},
        {"FROM Q JOIN A2 AS a ON Q.sym = a.sym", "FROM Q JOIN A2 AS a ON " + same("Q.sym", "a.sym")},
        {"FROM Q JOIN A2 AS a ON Q.vol = a.vol AND Q.sym = a.sym",
            "FROM Q JOIN A2 AS a ON " + same("Q.vol", "a.vol") + " AND " + same("Q.sym", "a.sym")},
    };

    /** Equality without '=' (no look-up): NULL <> x is false here, hence the IS NOT NULL. */
    private static String same(String left, String right) {
        return "NOT (" + left + " <> " + right + ") AND " + left + " IS NOT NULL";
    }

    private static String app() {
        StringBuilder sql = new StringBuilder(IncrementalAggregationTest.TRADES
                + "CREATE STREAM Q (sym STRING, vol LONG, min LONG, lo LONG, hi LONG, unit STRING);\n"
                + "CREATE AGGREGATION A1 AS SELECT sym, count() AS n, sum(price) AS total FROM Trades GROUP BY sym "
                + "AGGREGATE BY ts EVERY SECONDS ... DAYS;\n"
                + "CREATE AGGREGATION A2 AS SELECT sym, vol, count() AS n, max(price) AS hi FROM Trades "
                + "GROUP BY sym, vol AGGREGATE BY ts EVERY SECONDS ... DAYS;\n");
        for (int i = 0; i < PAIRS.length; i++) {
            for (int j = 0; j < 2; j++) {
                sql.append("INSERT INTO Out").append(i).append('_').append(j)
                        .append(" SELECT Q.sym AS q, a.AGG_TIMESTAMP AS t, a.sym AS s, a.n AS n ").append(PAIRS[i][j])
                        .append(" WITHIN Q.lo, Q.hi PER Q.unit;\n");
            }
        }
        return sql.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lookUpByTheGroupKeyGivesTheRowsOfTheFullScan(long seed) throws CompileException {
        Random r = new Random(seed);
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(app(), DeployOptions.playback());
            Map<String, List<List<Object>>> out = new ConcurrentHashMap<>();
            for (int i = 0; i < PAIRS.length; i++) {
                for (int j = 0; j < 2; j++) {
                    String stream = "Out" + i + "_" + j;
                    List<List<Object>> rows = java.util.Collections.synchronizedList(new ArrayList<>());
                    out.put(stream, rows);
                    app.addCallback(stream, events -> {
                        for (Event e : events) {
                            rows.add(java.util.Arrays.asList(e.data()));
                        }
                    });
                }
            }
            long t = 0;
            long base = 1_700_000_000_000L;
            for (int i = 0; i < 400; i++) {
                if (r.nextInt(5) > 0) {
                    app.inputHandler("Trades").send(++t, new Object[] {SYMS[r.nextInt(SYMS.length)],
                            r.nextInt(1000) / 10.0, (long) r.nextInt(3), base + r.nextInt(3 * 86_400) * 1000L});
                } else {
                    String sym = r.nextInt(8) == 0 ? null : r.nextInt(6) == 0 ? "zz" : SYMS[r.nextInt(SYMS.length)];
                    long lo = base + r.nextInt(2 * 86_400) * 1000L;
                    app.inputHandler("Q").send(++t, new Object[] {sym, (long) r.nextInt(3), (long) r.nextInt(3), lo,
                            lo + r.nextInt(86_400) * 1000L, List.of("seconds", "minutes", "hours", "days").get(
                                    r.nextInt(4))});
                }
            }
            int joined = 0;
            for (int i = 0; i < PAIRS.length; i++) {
                assertThat(out.get("Out" + i + "_0")).as(PAIRS[i][0]).containsExactlyElementsOf(out.get("Out" + i + "_1"));
                joined += out.get("Out" + i + "_0").size();
            }
            assertThat(joined).as("the joins found rows").isPositive();
        }
    }
}
