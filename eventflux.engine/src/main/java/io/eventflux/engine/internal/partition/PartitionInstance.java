package io.eventflux.engine.internal.partition;

import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.query.QueryBuilder;
import io.eventflux.engine.internal.query.QueryRuntime;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.TimerQueue;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * The queries of a partition for one key: built from the plan by the same {@link QueryBuilder} as the
 * app's queries, with their own state, timers and junctions for the partitioned, inner and read
 * unpartitioned streams. The streams and tables the queries insert into (but inner streams) and the
 * tables they join are the app's, so the rows of every key meet in the app's output streams.
 */
final class PartitionInstance {
    private final Map<String, StreamJunction> local = new HashMap<>();
    private final Map<String, Stateful> states = new LinkedHashMap<>();
    private final List<OperatorScheduler> schedulers = new ArrayList<>();
    private final List<QueryRuntime> queries = new ArrayList<>();
    /** The time of the latest event routed here (what idle purging looks at). */
    long lastSeen;
    /**
     * When the instance was created: its {@link TimerQueue#mark()}, in the order of every partition's
     * instances (restores run in this order), followed by the ids of its schedulers.
     */
    final long created;

    /**
     * @param app the app's context: its streams (the ones this instance inserts into), tables and time
     * @param broadcast the unpartitioned app streams the queries read: this instance reads each through a
     *     junction of its own, fed by the partition (so that a purged instance reads nothing more)
     * @param created the timer queue's mark for a new instance, or the one a restored instance had: its
     *     schedulers take the ids after it, so timers due together fire in the same order after a restore
     */
    PartitionInstance(PartitionPlan plan, QueryBuilder.Context app, Set<String> broadcast, long created) {
        this.created = created;
        TimeKeeper time = app.time();
        time.timers().remark(created);
        for (PartitionPlan.Key k : plan.keys()) {
            local.put(k.stream().name(), new StreamJunction(k.stream(), false));
        }
        Set<String> inner = new HashSet<>();
        for (StreamDef s : plan.innerStreams()) {
            local.put(s.name(), new StreamJunction(s.schema(), false));
            inner.add(s.name());
        }
        for (String s : broadcast) {
            local.put(s, new StreamJunction(app.junction(s).schema(), false));
        }
        QueryBuilder builder = new QueryBuilder(new QueryBuilder.Context() {
            @Override
            public TimeKeeper time() {
                return time;
            }

            @Override
            public StreamJunction junction(String stream) {
                StreamJunction j = local.get(stream);
                return j != null ? j : app.junction(stream);
            }

            @Override
            public StreamJunction output(String stream) {
                // inner streams are this instance's; every other target (a stream or table) is the app's
                return inner.contains(stream) ? local.get(stream) : app.output(stream);
            }

            @Override
            public io.eventflux.engine.internal.join.JoinSource table(String name, int keyColumn) {
                // tables are the app's, shared by every key (all run on the app's writer thread)
                return app.table(name, keyColumn);
            }

            @Override
            public io.eventflux.engine.internal.aggregation.AggregationRuntime aggregation(String name) {
                return app.aggregation(name);
            }

            @Override
            public void registerState(String key, Stateful state) {
                String k = key;
                for (int i = 2; states.containsKey(k); i++) {
                    k = key + "#" + i;
                }
                states.put(k, state);
            }

            @Override
            public io.eventflux.engine.internal.query.LatencyHistogram latency(String query) {
                // one histogram per query: every key's instance times into the app's
                return app.latency(query);
            }

            @Override
            public OperatorScheduler newScheduler(TimerQueue.Order order) {
                OperatorScheduler s = time.timers().newScheduler(order, created + 1 + schedulers.size());
                schedulers.add(s);
                return s;
            }
        });
        for (QueryPlan q : plan.queries()) {
            queries.add(builder.build(q));
        }
    }

    /** Feeds events of a partitioned stream, or of an unpartitioned stream read here, to this key's queries. */
    void publish(String stream, EventChunk chunk) {
        local.get(stream).publish(chunk);
    }

    /** Drops this instance: its pending timers will do nothing. */
    void close() {
        for (OperatorScheduler s : schedulers) {
            s.cancel();
        }
    }

    void flushOnShutdown() {
        for (QueryRuntime q : queries) {
            q.flushOnShutdown();
        }
    }

    /** The state of every operator, as plain JDK types. */
    HashMap<String, Serializable> snapshot() {
        HashMap<String, Serializable> out = new HashMap<>();
        states.forEach((k, v) -> out.put(k, v.snapshot()));
        return out;
    }

    void restore(Map<?, ?> snapshot) {
        for (Map.Entry<?, ?> e : snapshot.entrySet()) {
            Stateful s = states.get(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException("partition instance has no state '" + e.getKey() + "'");
            }
            s.restore((Serializable) e.getValue());
        }
    }
}
