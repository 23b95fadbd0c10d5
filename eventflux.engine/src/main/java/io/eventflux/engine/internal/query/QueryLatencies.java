package io.eventflux.engine.internal.query;

import io.eventflux.api.management.QueryLatency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latency histograms of one run of an app, one per query name (every key of a partitioned query shares
 * its query's). Looked up when a query is built (a partition builds its instances while it runs), never per
 * chunk; read by management from any thread.
 */
public final class QueryLatencies {
    private final Map<String, LatencyHistogram> byQuery = new ConcurrentHashMap<>();

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
