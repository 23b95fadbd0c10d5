package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;

/**
 * {@code PARTITION WITH (keys) [WITH (options)] BEGIN queries END}: every query runs as an independent
 * instance per partition key, with its own state. Events of a partitioned stream are routed to the
 * instance of their key; the events of an unpartitioned stream a query reads go to every existing
 * instance (in creation order; they create none); inner ({@code #name}) streams exist once per instance;
 * every other stream or table a query inserts into or reads is the app's (shared by all instances).
 *
 * @param name a name for logs and snapshots ("partition-N")
 * @param keys how each partitioned stream's events map to keys (one entry per stream)
 * @param innerStreams the inner streams, declared or implicit, local to each instance
 * @param queries the queries of one instance, in source order; they read partitioned, inner or
 *     unpartitioned streams and tables
 * @param idleTimeoutMillis an instance that received no event for this long is dropped with its state
 *     ({@code 'partition.idle.timeout'}); 0 keeps instances forever
 * @param position where the PARTITION starts in the SQL text
 */
public record PartitionPlan(String name, List<Key> keys, List<StreamDef> innerStreams, List<QueryPlan> queries,
        long idleTimeoutMillis, SourcePosition position) {
    public PartitionPlan {
        keys = List.copyOf(keys);
        innerStreams = List.copyOf(innerStreams);
        queries = List.copyOf(queries);
    }

    /** How one partitioned stream's events map to keys. */
    public sealed interface Key {
        /** The partitioned stream's schema. */
        StreamSchema stream();
    }

    /** {@code expr OF S}: the key is the value of {@code key} (INT and LONG keys are equal when equal in value). */
    public record ValueKey(StreamSchema stream, TypedExpr key) implements Key {
    }

    /**
     * {@code cond AS 'label' OR ... OF S}: an event goes to the instance of every label whose condition
     * holds, and to none when no condition holds.
     */
    public record RangeKey(StreamSchema stream, List<Range> ranges) implements Key {
        public RangeKey {
            ranges = List.copyOf(ranges);
        }
    }

    /** One {@code cond AS 'label'}. */
    public record Range(TypedExpr condition, String label) {
    }
}
