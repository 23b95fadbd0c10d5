package io.eventflux.engine.internal.partition;

import io.eventflux.api.Event;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.sql.plan.PartitionPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes the events of one partitioned stream to the instances of their keys. The events of one chunk
 * that share a key go on as one chunk, keys in the order of their first event.
 */
final class KeyRouter implements ChunkReceiver {
    private final String stream;
    private final PartitionRuntime partition;
    private final EvalContext ctx = new EvalContext();
    /** A value key: one expression. */
    private final Expr value;
    /** A range key: conditions and labels. */
    private final Expr[] conditions;
    private final String[] labels;
    private final EventChunk single = new EventChunk(1);
    private final List<Object> matched = new ArrayList<>(2);
    /** Set while delivering: a chunk that comes back here meanwhile (a loop through the app) allocates. */
    private boolean busy;

    KeyRouter(PartitionPlan.Key key, PartitionRuntime partition, TimeKeeper time) {
        this.stream = key.stream().name();
        this.partition = partition;
        ExprCompiler compiler = new ExprCompiler(time.clock(), ctx);
        if (key instanceof PartitionPlan.ValueKey v) {
            value = compiler.compile(v.key());
            conditions = null;
            labels = null;
        } else {
            PartitionPlan.RangeKey r = (PartitionPlan.RangeKey) key;
            value = null;
            conditions = r.ranges().stream().map(x -> compiler.compile(x.condition())).toArray(Expr[]::new);
            labels = r.ranges().stream().map(PartitionPlan.Range::label).toArray(String[]::new);
        }
    }

    @Override
    public void process(EventChunk chunk) {
        if (chunk.size() == 1 && !busy) {
            Event e = chunk.get(0);
            keys(e, matched);
            busy = true;
            try {
                for (int i = 0; i < matched.size(); i++) {
                    single.add(e);
                    partition.deliver(matched.get(i), stream, single);
                    single.clear();
                }
            } finally {
                single.clear();
                busy = false;
            }
            return;
        }
        Map<Object, EventChunk> byKey = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>(2);
        for (int i = 0; i < chunk.size(); i++) {
            Event e = chunk.get(i);
            keys(e, keys);
            for (Object k : keys) {
                byKey.computeIfAbsent(k, x -> new EventChunk(4)).add(e);
            }
        }
        for (Map.Entry<Object, EventChunk> entry : byKey.entrySet()) {
            partition.deliver(entry.getKey(), stream, entry.getValue());
        }
    }

    /** The keys of one event: its value key, or the label of every range it falls in (maybe none). */
    private void keys(Event e, List<Object> out) {
        out.clear();
        ctx.bind(e.data(), e.timestamp());
        if (value != null) {
            out.add(normalize(value.eval(ctx)));
            return;
        }
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].evalBool(ctx)) {
                out.add(labels[i]);
            }
        }
    }

    /** INT and LONG (FLOAT and DOUBLE) keys of equal value are one key, across the partitioned streams. */
    private static Object normalize(Object key) {
        if (key instanceof Integer i) {
            return i.longValue();
        }
        if (key instanceof Float f) {
            return f.doubleValue();
        }
        return key;
    }
}
