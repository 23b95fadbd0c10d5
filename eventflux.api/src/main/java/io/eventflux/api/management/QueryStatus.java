package io.eventflux.api.management;

import java.util.List;
import java.util.Objects;

/**
 * One continuous query of an app.
 *
 * @param name the query's name ({@code @info(name=...)} or {@code query-N})
 * @param inputs the streams or tables it reads
 * @param output the stream or table it inserts into
 * @param latency how long it took per chunk in the app's current run (all keys of a partitioned query
 *     together), or null when the app is not running (since 1.1)
 */
public record QueryStatus(String name, List<String> inputs, String output, QueryLatency latency) {
    public QueryStatus {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
    }

    /** A query without latency figures (the app is not running). */
    public QueryStatus(String name, List<String> inputs, String output) {
        this(name, inputs, output, null);
    }
}
