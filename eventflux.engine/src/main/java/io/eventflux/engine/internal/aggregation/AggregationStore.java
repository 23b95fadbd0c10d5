package io.eventflux.engine.internal.aggregation;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregation's buckets in a table store ({@code WITH ('store' = 'jdbc', ...)}), one row per granularity,
 * bucket and key: {@code (granularity, bucket, gkey, s0, s1, ...)}, state slots as {@link ValueCodec} text.
 * Cells changed by a chunk are written when the chunk ends (update, else insert); buckets leaving the
 * retention are deleted. At start the stored rows are the history.
 */
final class AggregationStore {
    private record Ref(int level, long start, GroupKey key) {
    }

    private final TableStore store;
    private final String[] levels;
    private final int width;
    private final Map<Ref, Object[]> dirty = new LinkedHashMap<>();
    private final long[] purgedBelow;

    AggregationStore(TableStore store, String[] levels, int width) {
        this.store = store;
        this.levels = levels.clone();
        this.width = width;
        this.purgedBelow = new long[levels.length];
        java.util.Arrays.fill(purgedBelow, Long.MIN_VALUE);
    }

    /** The schema of the stored rows for an aggregation with {@code width} state slots. */
    static StreamSchema schema(String name, int width) {
        List<Attribute> a = new ArrayList<>();
        a.add(new Attribute("granularity", AttributeType.STRING));
        a.add(new Attribute("bucket", AttributeType.LONG));
        a.add(new Attribute("gkey", AttributeType.STRING));
        for (int i = 0; i < width; i++) {
            a.add(new Attribute("s" + i, AttributeType.STRING));
        }
        return new StreamSchema(name, a);
    }

    static List<String> primaryKey() {
        return List.of("granularity", "bucket", "gkey");
    }

    /** The stored buckets of each level (by index), keyed by bucket start. */
    List<Map<Long, HashMap<GroupKey, Object[]>>> load() {
        List<Map<Long, HashMap<GroupKey, Object[]>>> out = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.length; i++) {
            out.add(new java.util.TreeMap<>());
            index.put(levels[i], i);
        }
        for (Object[] row : store.find(Condition.TRUE)) {
            Integer level = index.get((String) row[0]);
            if (level == null) {
                continue;
            }
            Object[] cell = new Object[width];
            for (int i = 0; i < width; i++) {
                cell[i] = ValueCodec.decode((String) row[3 + i]);
            }
            out.get(level).computeIfAbsent(((Number) row[1]).longValue(), s -> new HashMap<>())
                    .put(new GroupKey(ValueCodec.decodeKey((String) row[2])), cell);
        }
        return out;
    }

    void changed(int level, long start, GroupKey key, Object[] cell) {
        dirty.put(new Ref(level, start, key), cell);
    }

    /** Writes the changed cells and deletes buckets below each level's horizon. */
    void flush(long[] horizons) {
        for (Map.Entry<Ref, Object[]> e : dirty.entrySet()) {
            Ref r = e.getKey();
            if (r.start() < horizons[r.level()]) {
                continue;
            }
            Object[] row = new Object[3 + width];
            row[0] = levels[r.level()];
            row[1] = r.start();
            row[2] = ValueCodec.encodeKey(r.key().values);
            for (int i = 0; i < width; i++) {
                row[3 + i] = ValueCodec.encode(e.getValue()[i]);
            }
            Condition pk = Condition.and(Condition.eq("granularity", row[0]), Condition.eq("bucket", row[1]),
                    Condition.eq("gkey", row[2]));
            if (store.update(pk, old -> row.clone()) == 0) {
                store.insert(row);
            }
        }
        dirty.clear();
        for (int i = 0; i < levels.length; i++) {
            if (horizons[i] != Long.MIN_VALUE && horizons[i] > purgedBelow[i]) {
                store.delete(Condition.and(Condition.eq("granularity", levels[i]),
                        new Condition.Compare("bucket", Condition.Op.LT, horizons[i])));
                purgedBelow[i] = horizons[i];
            }
        }
    }

    void close() {
        store.close();
    }
}
