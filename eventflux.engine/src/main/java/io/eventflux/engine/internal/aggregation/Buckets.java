package io.eventflux.engine.internal.aggregation;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The buckets of one granularity: bucket start to the state of each key. With a retention of n buckets only
 * the newest n (counted from the newest bucket seen) are kept; a value for an older bucket is late and
 * dropped at this granularity.
 */
final class Buckets {
    private final Granularity granularity;
    private final long retention;
    private final TreeMap<Long, HashMap<GroupKey, Object[]>> buckets = new TreeMap<>();
    private long newest = Long.MIN_VALUE;
    private long horizon = Long.MIN_VALUE;
    private long lastStart = Long.MIN_VALUE;
    private HashMap<GroupKey, Object[]> last;

    /** @param retention how many buckets to keep (0: all) */
    Buckets(Granularity granularity, long retention) {
        this.granularity = granularity;
        this.retention = retention;
    }

    Granularity granularity() {
        return granularity;
    }

    /** The oldest bucket start still kept. */
    long horizon() {
        return horizon;
    }

    private void setNewest(long start) {
        newest = start;
        horizon = retention == 0 || newest == Long.MIN_VALUE ? Long.MIN_VALUE : granularity.plus(newest, 1 - retention);
    }

    /**
     * The state of {@code key} in the bucket of {@code start}, created empty with {@code width} slots; null when
     * the bucket is older than the retention. Moving the newest bucket forward drops buckets out of retention
     * (their starts are added to {@code purged} when it is not null).
     */
    Object[] cell(long start, GroupKey key, int width) {
        if (start > newest) {
            setNewest(start);
            purge();
        } else if (start < horizon) {
            return null;
        }
        HashMap<GroupKey, Object[]> bucket;
        if (start == lastStart) {
            bucket = last;
        } else {
            bucket = buckets.computeIfAbsent(start, s -> new HashMap<>());
            lastStart = start;
            last = bucket;
        }
        Object[] cell = bucket.get(key);
        if (cell == null) {
            cell = new Object[width];
            bucket.put(key, cell);
        }
        return cell;
    }

    private void purge() {
        long h = horizon();
        if (h != Long.MIN_VALUE && !buckets.isEmpty() && buckets.firstKey() < h) {
            buckets.headMap(h, false).clear();
            lastStart = Long.MIN_VALUE;
            last = null;
        }
    }

    /** The buckets with start in {@code [from, to)}, oldest first. */
    NavigableMap<Long, HashMap<GroupKey, Object[]>> range(long from, long to) {
        return from >= to ? new TreeMap<>() : buckets.subMap(from, true, to, false);
    }

    NavigableMap<Long, HashMap<GroupKey, Object[]>> all() {
        return buckets;
    }

    long newest() {
        return newest;
    }

    /** Puts back a state (restore, or history loaded from a store). */
    void load(long newestStart, Map<Long, HashMap<GroupKey, Object[]>> content) {
        buckets.clear();
        buckets.putAll(content);
        setNewest(newestStart);
        lastStart = Long.MIN_VALUE;
        last = null;
        purge();
    }

    /** How many (bucket, key) cells are held. */
    long cells() {
        long n = 0;
        for (HashMap<GroupKey, Object[]> b : buckets.values()) {
            n += b.size();
        }
        return n;
    }
}
