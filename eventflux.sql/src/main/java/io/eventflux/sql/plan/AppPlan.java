package io.eventflux.sql.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole compiled app.
 *
 * @param name the app name ({@code @app:name('x')} or null when not given)
 * @param options app-level options (annotations)
 * @param streams every stream: declared, implicit output streams of queries, in first-mention order
 * @param queries the queries in source order
 */
public record AppPlan(String name, Map<String, String> options, List<StreamDef> streams, List<QueryPlan> queries) {
    public AppPlan {
        options = Map.copyOf(options);
        streams = List.copyOf(streams);
        queries = List.copyOf(queries);
    }

    public Optional<StreamDef> stream(String streamName) {
        return streams.stream().filter(s -> s.schema().name().equals(streamName)).findFirst();
    }
}
