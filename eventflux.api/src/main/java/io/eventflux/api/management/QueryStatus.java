package io.eventflux.api.management;

import java.util.List;
import java.util.Objects;

/**
 * One continuous query of an app.
 *
 * @param name the query's name ({@code @info(name=...)} or {@code query-N})
 * @param inputs the streams or tables it reads
 * @param output the stream or table it inserts into
 */
public record QueryStatus(String name, List<String> inputs, String output) {
    public QueryStatus {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
    }
}
