package io.eventflux.engine.internal.query;

import io.eventflux.api.management.QueryLatency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latency histograms of one run of an app, one per query name (every key of a partitioned query shares
 * its query's). Looked up when a query is built (a partition builds its instances while it runs), never per
 * chunk; read by management from any thread.
 */
public final class QueryLatencies {
    /** The app option ({@code @app:metrics(latency = ...)}): {@code on}, {@code off}, {@code all} or N. */
    public static final String OPTION = "metrics.latency";
    /** One chunk in this many is timed unless the app says otherwise. */
    public static final int DEFAULT_SAMPLE_EVERY = 64;

    private final Map<String, LatencyHistogram> byQuery = new ConcurrentHashMap<>();
    private final int sampleEvery;

    /** @param sampleEvery a power of two: one chunk in that many is timed */
    public QueryLatencies(int sampleEvery) {
        this.sampleEvery = sampleEvery;
    }

    /**
     * How an app's queries time their chunks: {@value #OPTION} from the SQL's {@code @app:metrics(...)} over
     * the configuration's {@code [application]} table. {@code on} (the default) times one chunk in
     * {@value #DEFAULT_SAMPLE_EVERY}, {@code all} every chunk, a power of two N one in N, {@code off} none
     * (then 0 is returned). Chunks are counted in every case but {@code off}.
     *
     * @throws IllegalArgumentException for another value, naming the app, the option and the value
     */
    public static int sampleEvery(String app, Map<String, String> sqlOptions, Map<String, String> configOptions) {
        String value = find(sqlOptions);
        if (value == null) {
            value = find(configOptions);
        }
        if (value == null) {
            return DEFAULT_SAMPLE_EVERY;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "on", "true":
                return DEFAULT_SAMPLE_EVERY;
            case "off", "false":
                return 0;
            case "all":
                return 1;
            default:
                try {
                    int n = Integer.parseInt(v);
                    if (n >= 1 && Integer.bitCount(n) == 1) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // below
                }
                throw new IllegalArgumentException("app '" + app + "': " + OPTION + " = '" + value
                        + "': use 'on' (one chunk in " + DEFAULT_SAMPLE_EVERY + " timed), 'all', 'off' or a power of two N"
                        + " (one chunk in N timed)");
        }
    }

    private static String find(Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(OPTION)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The histogram of a query, created at its first use. */
    public LatencyHistogram histogram(String query) {
        return byQuery.computeIfAbsent(query, q -> new LatencyHistogram(sampleEvery));
    }

    /** A snapshot of a query's histogram, or null when no part of that query was built. */
    public QueryLatency snapshot(String query) {
        LatencyHistogram h = byQuery.get(query);
        return h == null ? null : h.snapshot();
    }
}
