package io.eventflux.store.cache.internal;

import io.eventflux.api.store.Condition;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.extension.support.store.IndexedRows;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A bounded table: at most {@code maxSize} rows; inserting into a full table first evicts the least
 * recently used row (inserted, updated or found). Rows are identified by a row id; a hash map from
 * primary key to row id and one hash index per secondary index column serve equality conditions
 * ({@link IndexedRows}); this store only follows the order of use.
 */
final class CacheTableStore implements TableStore, IndexedRows.Listener {
    private final int maxSize;
    private final Map<Long, Boolean> recency = new LinkedHashMap<>(16, 0.75f, true); // least recently used first
    private final IndexedRows rows;
    private long evictions;

    CacheTableStore(TableSpec spec, int maxSize) {
        this.maxSize = maxSize;
        this.rows = new IndexedRows(spec, this);
    }

    @Override
    public void insert(Object[] row) {
        rows.requireNewKey(row);
        while (rows.size() >= maxSize) {
            long eldest = recency.keySet().iterator().next();
            rows.remove(eldest);
            evictions++;
        }
        rows.insert(row);
    }

    /** Rows evicted so far. */
    long evictions() {
        return evictions;
    }

    @Override
    public void added(long id) {
        recency.put(id, Boolean.TRUE); // inserting or updating is a use
    }

    @Override
    public void removed(long id) {
        recency.remove(id);
    }

    @Override
    public void found(long id) {
        recency.get(id); // finding is a use
    }

    @Override
    public List<Object[]> find(Condition condition) {
        return rows.find(condition);
    }

    @Override
    public int update(Condition condition, UnaryOperator<Object[]> update) {
        return rows.update(condition, update);
    }

    @Override
    public int delete(Condition condition) {
        return rows.delete(condition);
    }

    @Override
    public long size() {
        return rows.size();
    }

    @Override
    public Serializable snapshot() {
        return rows.snapshot(recency.keySet()); // least recently used first: a restore keeps the order of use
    }

    @Override
    public void restore(Serializable state) {
        recency.clear();
        rows.restore(state);
    }
}
