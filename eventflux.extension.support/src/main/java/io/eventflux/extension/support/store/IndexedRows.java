package io.eventflux.extension.support.store;

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
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The rows of an in-memory table in insertion order, identified by a row id; a hash map from primary key
 * to row id and one hash index per secondary index column. A condition is served from the primary key
 * when it fixes every key column with an equality, else from an index when it fixes an indexed column,
 * else by a scan. Rows are copied on the way in; numbers that compare equal give equal keys.
 * A complete in-memory {@link TableStore}; a store that bounds or orders its rows wraps one and follows
 * it through a {@link Listener}. Not thread-safe: the engine serializes the calls to a table store.
 */
public final class IndexedRows implements TableStore {
    /** Follows the rows of an {@link IndexedRows}, e.g. to keep them in order of use. */
    public interface Listener {
        /** A listener that follows nothing. */
        Listener NONE = new Listener() { };

        /** A row was added or replaced (inserted, updated, restored). */
        default void added(long id) {
        }

        /** A row was removed (deleted, or removed by its owner). */
        default void removed(long id) {
        }

        /** A row was returned by {@link IndexedRows#find}. */
        default void found(long id) {
        }
    }

    private final StreamSchema schema;
    private final Listener listener;
    private final int[] keyColumns;
    private final int[] indexColumns;
    private final Map<Long, Object[]> rows = new LinkedHashMap<>();
    private final Map<Object, Long> byKey = new HashMap<>();
    private final List<Map<Object, Set<Long>>> indexes = new ArrayList<>();
    private long nextId;

    /** Rows of the table {@code spec}, whose key and index columns are columns of its schema. */
    public IndexedRows(TableSpec spec, Listener listener) {
        this.schema = spec.schema();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.keyColumns = spec.primaryKey().stream().mapToInt(schema::indexOf).toArray();
        this.indexColumns = spec.indexes().stream().mapToInt(schema::indexOf).toArray();
        for (int i = 0; i < indexColumns.length; i++) {
            indexes.add(new HashMap<>());
        }
    }

    /**
     * Checks that the primary key and index columns of {@code spec} are columns of its schema, as a
     * {@link io.eventflux.api.store.TableStoreFactory} does before it creates a store.
     *
     * @throws IllegalArgumentException naming the first column that is not one
     */
    public static void requireColumns(TableSpec spec) {
        for (String c : spec.primaryKey()) {
            requireColumn(spec, c, "primary key");
        }
        for (String c : spec.indexes()) {
            requireColumn(spec, c, "index");
        }
    }

    private static void requireColumn(TableSpec spec, String column, String what) {
        if (spec.schema().indexOf(column) < 0) {
            throw new IllegalArgumentException("table '" + spec.schema().name() + "': " + what + " column '" + column
                    + "' is not a column of " + spec.schema().names());
        }
    }

    /** Throws a {@link DuplicateKeyException} when a row with the primary key of {@code row} exists. */
    public void requireNewKey(Object[] row) {
        Object key = key(row);
        if (key != null && byKey.containsKey(key)) {
            throw duplicate(row);
        }
    }

    /** Adds a copy of {@code row}, unless a row with its primary key exists ({@link DuplicateKeyException}). */
    @Override
    public void insert(Object[] row) {
        Object[] copy = row.clone();
        Object key = key(copy);
        if (key != null && byKey.containsKey(key)) {
            throw duplicate(copy);
        }
        add(nextId++, copy, key);
    }

    private void add(long id, Object[] row, Object key) {
        rows.put(id, row); // an existing id keeps its place (updates stay in insertion order)
        listener.added(id);
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

    /** Removes the row {@code id}; returns it, or null when there is none. */
    public Object[] remove(long id) {
        Object[] row = rows.remove(id);
        listener.removed(id);
        if (row != null) {
            unindex(id, row);
        }
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

    /** The rows that match {@code condition}, in insertion order; each is reported to the listener. */
    @Override
    public List<Object[]> find(Condition condition) {
        List<Object[]> out = new ArrayList<>();
        for (long id : candidates(condition)) {
            Object[] row = rows.get(id);
            if (row != null && condition.matches(schema, row)) {
                out.add(row);
                listener.found(id);
            }
        }
        return out;
    }

    /**
     * Replaces each row that matches {@code condition} with a copy of {@code update}'s result (null: keep the
     * row); returns the number of rows replaced. A result whose primary key another row holds throws a
     * {@link DuplicateKeyException} and keeps that row as it was.
     */
    @Override
    public int update(Condition condition, UnaryOperator<Object[]> update) {
        int n = 0;
        for (long id : matching(condition)) {
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

    /** Removes the rows that match {@code condition}; returns how many. */
    @Override
    public int delete(Condition condition) {
        List<Long> ids = matching(condition);
        ids.forEach(this::remove);
        return ids.size();
    }

    private List<Long> matching(Condition condition) {
        List<Long> ids = new ArrayList<>();
        for (long id : candidates(condition)) {
            Object[] row = rows.get(id);
            if (row != null && condition.matches(schema, row)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The number of rows. */
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

    /** Numbers that compare equal get equal keys: integral values as Long, other doubles as Double. */
    public static Object normalize(Object v) {
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

    /** Copies of the rows in insertion order, as an {@link ArrayList} of {@code Object[]}. */
    @Override
    public Serializable snapshot() {
        return snapshot(rows.keySet());
    }

    /** Copies of the rows {@code ids}, in that order, as an {@link ArrayList} of {@code Object[]}. */
    public Serializable snapshot(Collection<Long> ids) {
        ArrayList<Object[]> copy = new ArrayList<>(ids.size());
        for (Long id : ids) {
            copy.add(rows.get(id).clone());
        }
        return copy;
    }

    /** Replaces every row with copies of the rows of a {@link #snapshot}, added in its order. */
    @Override
    @SuppressWarnings("unchecked")
    public void restore(Serializable state) {
        rows.clear();
        byKey.clear();
        indexes.forEach(Map::clear);
        nextId = 0;
        for (Object[] r : (List<Object[]>) state) {
            add(nextId++, r.clone(), key(r));
        }
    }
}
