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
    /** The app option that turns the measuring off ({@code @app:metrics(latency = 'off')}). */
    public static final String OPTION = "metrics.latency";

    private final Map<String, LatencyHistogram> byQuery = new ConcurrentHashMap<>();

    /**
     * Whether an app's queries time their chunks: {@value #OPTION} from the SQL's {@code @app:metrics(...)}
     * over the configuration's {@code [application]} table; on unless {@code off} or {@code false}.
     *
     * @throws IllegalArgumentException for another value, naming the app, the option and the value
     */
    public static boolean enabled(String app, Map<String, String> sqlOptions, Map<String, String> configOptions) {
        String value = find(sqlOptions);
        if (value == null) {
            value = find(configOptions);
        }
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("app '" + app + "': " + OPTION + " = '" + value
                    + "': use 'on' or 'off'");
        };
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
        return byQuery.computeIfAbsent(query, q -> new LatencyHistogram());
    }

    /** A snapshot of a query's histogram, or null when no part of that query was built. */
    public QueryLatency snapshot(String query) {
        LatencyHistogram h = byQuery.get(query);
        return h == null ? null : h.snapshot();
    }
}
