package io.eventflux.store.cache.internal;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A bounded table: at most {@code maxSize} rows; inserting into a full table first evicts the least
 * recently used row (inserted, updated or found). Rows are identified by a row id; a hash map from
 * primary key to row id and one hash index per secondary index column serve equality conditions.
 */
final class CacheTableStore implements TableStore {
    private final StreamSchema schema;
    private final int[] keyColumns;
    private final int[] indexColumns;
    private final int maxSize;
    private final Map<Long, Object[]> rows = new LinkedHashMap<>();
    private final Map<Long, Boolean> recency = new LinkedHashMap<>(16, 0.75f, true); // least recently used first
    private long evictions;
    private final Map<Object, Long> byKey = new HashMap<>();
    private final List<Map<Object, Set<Long>>> indexes = new ArrayList<>();
    private long nextId;

    CacheTableStore(TableSpec spec, int maxSize) {
        this.maxSize = maxSize;
        this.schema = spec.schema();
        this.keyColumns = spec.primaryKey().stream().mapToInt(schema::indexOf).toArray();
        this.indexColumns = spec.indexes().stream().mapToInt(schema::indexOf).toArray();
        for (int i = 0; i < indexColumns.length; i++) {
            indexes.add(new HashMap<>());
        }
    }

    @Override
    public void insert(Object[] row) {
        Object[] copy = row.clone();
        Object key = key(copy);
        if (key != null && byKey.containsKey(key)) {
            throw duplicate(copy);
        }
        while (rows.size() >= maxSize) {
            long eldest = recency.keySet().iterator().next();
            remove(eldest);
            evictions++;
        }
        add(nextId++, copy, key);
    }

    /** Rows evicted so far. */
    long evictions() {
        return evictions;
    }

    private void add(long id, Object[] row, Object key) {
        rows.put(id, row);
        recency.put(id, Boolean.TRUE); // inserting or updating is a use
        if (key != null) {
            byKey.put(key, id);
        }
        for (int i = 0; i < indexColumns.length; i++) {
            Object v = normalize(row[indexColumns[i]]);
            if (v != null) {
                indexes.get(i).computeIfAbsent(v, x -> new LinkedHashSet<>()).add(id);
            }
        }
    }

    private Object[] remove(long id) {
        Object[] row = rows.remove(id);
        recency.remove(id);
        unindex(id, row);
        return row;
    }

    private void unindex(long id, Object[] row) {
        Object key = key(row);
        if (key != null) {
            byKey.remove(key);
        }
        for (int i = 0; i < indexColumns.length; i++) {
            Object v = normalize(row[indexColumns[i]]);
            Set<Long> ids = v == null ? null : indexes.get(i).get(v);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    indexes.get(i).remove(v);
                }
            }
        }
    }

    private DuplicateKeyException duplicate(Object[] row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyColumns.length; i++) {
            key.append(i == 0 ? "" : ", ").append(schema.attribute(keyColumns[i]).name()).append('=')
                    .append(row[keyColumns[i]]);
        }
        return new DuplicateKeyException("table '" + schema.name() + "': primary key (" + key + ") already exists");
    }

    /** The primary key of a row, or null without a primary key. */
    private Object key(Object[] row) {
        if (keyColumns.length == 0) {
            return null;
        }
        if (keyColumns.length == 1) {
            return normalize(row[keyColumns[0]]);
        }
        Object[] k = new Object[keyColumns.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = normalize(row[keyColumns[i]]);
        }
        return Arrays.asList(k);
    }

    @Override
    public List<Object[]> find(Condition condition) {
        List<Object[]> out = new ArrayList<>();
        for (long id : candidates(condition)) {
            Object[] row = rows.get(id);
            if (row != null && condition.matches(schema, row)) {
                out.add(row);
                recency.get(id); // finding is a use
            }
        }
        return out;
    }

    @Override
    public int update(Condition condition, UnaryOperator<Object[]> update) {
        List<Long> ids = new ArrayList<>();
        for (long id : candidates(condition)) {
            Object[] row = rows.get(id);
            if (row != null && condition.matches(schema, row)) {
                ids.add(id);
            }
        }
        int n = 0;
        for (long id : ids) {
            Object[] old = rows.get(id);
            Object[] replaced = update.apply(old);
            if (replaced == null) {
                continue;
            }
            Object[] copy = replaced.clone();
            unindex(id, old);
            Object key = key(copy);
            if (key != null && byKey.containsKey(key)) {
                add(id, old, key(old));
                throw duplicate(copy);
            }
            add(id, copy, key);
            n++;
        }
        return n;
    }

    @Override
    public int delete(Condition condition) {
        List<Long> ids = new ArrayList<>();
        for (long id : candidates(condition)) {
            Object[] row = rows.get(id);
            if (row != null && condition.matches(schema, row)) {
                ids.add(id);
            }
        }
        ids.forEach(this::remove);
        return ids.size();
    }

    @Override
    public long size() {
        return rows.size();
    }

    /** The row ids a condition can match: from the primary key, an index, or all. */
    private Collection<Long> candidates(Condition condition) {
        Map<Integer, Object> fixed = new HashMap<>();
        equalities(condition, fixed);
        if (keyColumns.length > 0 && Arrays.stream(keyColumns).allMatch(fixed::containsKey)) {
            Object key;
            if (keyColumns.length == 1) {
                key = fixed.get(keyColumns[0]);
            } else {
                Object[] k = new Object[keyColumns.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = fixed.get(keyColumns[i]);
                }
                key = Arrays.asList(k);
            }
            Long id = byKey.get(key);
            return id == null ? List.of() : List.of(id);
        }
        for (int i = 0; i < indexColumns.length; i++) {
            if (fixed.containsKey(indexColumns[i])) {
                Set<Long> ids = indexes.get(i).get(fixed.get(indexColumns[i]));
                return ids == null ? List.of() : new ArrayList<>(ids);
            }
        }
        return new ArrayList<>(rows.keySet());
    }

    /** Columns a condition fixes with a top-level equality (normalized values). */
    private void equalities(Condition c, Map<Integer, Object> fixed) {
        if (c instanceof Condition.Compare cmp && cmp.op() == Condition.Op.EQ && cmp.value() != null) {
            int index = schema.indexOf(cmp.column());
            if (index >= 0) {
                fixed.put(index, normalize(cmp.value()));
            }
        } else if (c instanceof Condition.And and) {
            for (Condition x : and.conditions()) {
                equalities(x, fixed);
            }
        }
    }

    /** Numbers that compare equal get equal keys. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            long l = (long) d;
            return l == d && !Double.isInfinite(d) ? (Object) l : (Object) d;
        }
        return v;
    }

    @Override
    public Serializable snapshot() {
        ArrayList<Object[]> copy = new ArrayList<>(rows.size());
        for (Long id : recency.keySet()) { // least recently used first: a restore keeps the order of use
            copy.add(rows.get(id).clone());
        }
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Serializable state) {
        rows.clear();
        recency.clear();
        byKey.clear();
        indexes.forEach(Map::clear);
        nextId = 0;
        for (Object[] r : (List<Object[]>) state) {
            add(nextId++, r.clone(), key(r));
        }
    }
}
