package io.eventflux.engine.internal.partition;

import io.eventflux.api.extension.Stateful;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.engine.internal.query.QueryBuilder;
import io.eventflux.engine.internal.time.OperatorScheduler;
import io.eventflux.engine.internal.time.TimeKeeper;
import io.eventflux.engine.internal.time.TimerQueue;
import io.eventflux.engine.internal.time.TimerTarget;
import io.eventflux.sql.plan.PartitionPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One running partition: routes the events of its partitioned streams by key and runs an independent
 * {@link PartitionInstance} per key, created at the key's first event; the events of the unpartitioned
 * streams its queries read go to every instance, in creation order. With an idle timeout, an
 * instance whose key saw no event for that long is dropped with its state (a timer on the app's timer
 * service; the instances are kept least recently seen first, so a purge only looks at the idle ones).
 *
 * <p>Snapshots hold every instance's state by key; restoring rebuilds the instances. Writer thread only.
 */
public final class PartitionRuntime implements Stateful, TimerTarget {
    private static final long NONE = Long.MIN_VALUE;

    private final PartitionPlan plan;
    private final TimeKeeper time;
    private final QueryBuilder.Context app;
    /** The unpartitioned app streams the queries read: their events go to every instance. */
    private final Set<String> broadcast;
    private final OperatorScheduler purgeTimer;
    /**
     * With an idle timeout, in access order (the least recently seen key first, what a purge looks at);
     * without one, in creation order (an access-ordered map relinks entries of other keys at every event).
     */
    private final LinkedHashMap<Object, PartitionInstance> instances;
    /** The same instances in creation order (what an unpartitioned stream's events are delivered in). */
    private final TreeMap<Long, PartitionInstance> byCreation = new TreeMap<>();
    private long pendingPurge = NONE;

    /**
     * Builds the partition and subscribes its routers to the partitioned streams of the app, and its
     * broadcasters to the unpartitioned streams its queries read.
     *
     * @param app the app's context: its streams, tables and time (the instances build their queries on it)
     */
    public PartitionRuntime(PartitionPlan plan, QueryBuilder.Context app) {
        this.plan = plan;
        this.app = app;
        this.time = app.time();
        this.broadcast = BroadcastStreams.of(plan);
        this.instances = new LinkedHashMap<>(16, 0.75f, plan.idleTimeoutMillis() > 0);
        // after the instances' own timers due at the same time, so a purge sees what they did
        this.purgeTimer = time.timers().newScheduler(TimerQueue.Order.AFTER_ALL);
        purgeTimer.bind(this);
        for (PartitionPlan.Key key : plan.keys()) {
            app.junction(key.stream().name()).subscribe(new KeyRouter(key, this, time));
        }
        for (String stream : broadcast) {
            app.junction(stream).subscribe(chunk -> broadcast(stream, chunk));
        }
    }

    /**
     * An event of an unpartitioned stream: to every live instance, in creation order; it creates no
     * instance and does not count as activity of a key (idle purging looks at partitioned events only).
     */
    private void broadcast(String stream, EventChunk chunk) {
        if (byCreation.isEmpty()) {
            return;
        }
        // a copy: what an instance emits may come back through the app as a new key's first event
        for (PartitionInstance instance : List.copyOf(byCreation.values())) {
            instance.publish(stream, chunk);
        }
    }

    public String name() {
        return plan.name();
    }

    /** How many keys have an instance now. */
    public int size() {
        return instances.size();
    }

    void deliver(Object key, String stream, EventChunk chunk) {
        PartitionInstance instance = instances.get(key);
        if (instance == null) {
            instance = new PartitionInstance(plan, app, broadcast, time.timers().mark());
            instances.put(key, instance);
            byCreation.put(instance.created, instance);
        }
        instance.lastSeen = time.clock().now();
        ensurePurgeTimer();
        instance.publish(stream, chunk);
    }

    @Override
    public void onTimer(long now) {
        pendingPurge = NONE;
        Iterator<PartitionInstance> it = instances.values().iterator();
        while (it.hasNext()) {
            PartitionInstance oldest = it.next();
            if (oldest.lastSeen + plan.idleTimeoutMillis() > now) {
                break;
            }
            oldest.close();
            it.remove();
            byCreation.remove(oldest.created);
        }
        ensurePurgeTimer();
    }

    private void ensurePurgeTimer() {
        if (plan.idleTimeoutMillis() <= 0 || pendingPurge != NONE || instances.isEmpty()) {
            return;
        }
        pendingPurge = instances.values().iterator().next().lastSeen + plan.idleTimeoutMillis();
        purgeTimer.schedule(pendingPurge);
    }

    /** Graceful shutdown: flushes the rate limiters of every instance. */
    public void flushOnShutdown() {
        for (PartitionInstance instance : instances.values()) {
            instance.flushOnShutdown();
        }
    }

    /**
     * {@code Object[]{ArrayList keys, long[] lastSeen, long[] created, ArrayList<HashMap> states}}, in the
     * order of the instances (least recently seen first when there is an idle timeout).
     */
    @Override
    public Serializable snapshot() {
        ArrayList<Object> keys = new ArrayList<>(instances.size());
        long[] lastSeen = new long[instances.size()];
        long[] createdAt = new long[instances.size()];
        ArrayList<HashMap<String, Serializable>> states = new ArrayList<>(instances.size());
        int i = 0;
        for (Map.Entry<Object, PartitionInstance> e : instances.entrySet()) {
            keys.add(e.getKey());
            lastSeen[i] = e.getValue().lastSeen;
            createdAt[i++] = e.getValue().created;
            states.add(e.getValue().snapshot());
        }
        return new Object[] {keys, lastSeen, createdAt, states};
    }

    @Override
    public void restore(Serializable state) {
        if (!(state instanceof Object[] parts) || parts.length != 4 || !(parts[0] instanceof List<?> keys)
                || !(parts[1] instanceof long[] lastSeen) || !(parts[2] instanceof long[] createdAt)
                || !(parts[3] instanceof List<?> states) || keys.size() != lastSeen.length
                || keys.size() != createdAt.length || keys.size() != states.size()) {
            throw new IllegalArgumentException("not a snapshot of partition " + plan.name() + ": " + state);
        }
        for (PartitionInstance instance : instances.values()) {
            instance.close();
        }
        instances.clear();
        byCreation.clear();
        // restore in creation order, with the marks the instances had (their timers' ids follow them), so
        // that the timers they re-schedule fire as in the uninterrupted run; keep access order
        Integer[] order = new Integer[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> createdAt[i]));
        PartitionInstance[] restored = new PartitionInstance[keys.size()];
        for (int i : order) {
            PartitionInstance instance = new PartitionInstance(plan, app, broadcast, createdAt[i]);
            instance.lastSeen = lastSeen[i];
            byCreation.put(instance.created, instance);
            instance.restore((Map<?, ?>) states.get(i));
            restored[i] = instance;
        }
        for (int i = 0; i < restored.length; i++) {
            instances.put(keys.get(i), restored[i]);
        }
        pendingPurge = NONE;
        ensurePurgeTimer();
    }
}
