package io.eventflux.engine.internal.join;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The rows a stream side of a join holds, kept from what its window reports (current: added, expired:
 * removed) rather than by scanning the window. Rows with equal values are interchangeable, so a removal
 * takes any row with the departing event's values: the structure survives a snapshot and restore, where
 * the window's restored events are other arrays. With a key function, an index maps each join key to its
 * rows, so that equality conditions look rows up instead of scanning.
 */
public final class HeldRows implements JoinSource {
    private final Map<Row, ArrayDeque<Object[]>> rows = new LinkedHashMap<>();
    private final Function<Object[], Object> keyOf;
    private final Map<Object, Map<Row, ArrayDeque<Object[]>>> index;
    private int size;

    /** @param keyOf the join key of a row (normalized here), or null for no index */
    public HeldRows(Function<Object[], Object> keyOf) {
        this.keyOf = keyOf;
        this.index = keyOf == null ? null : new HashMap<>();
    }

    public void add(Object[] data) {
        Row row = new Row(data);
        ArrayDeque<Object[]> same = rows.get(row);
        if (same == null) {
            same = new ArrayDeque<>(1);
            rows.put(row, same);
            if (index != null) {
                Object key = Keys.normalize(keyOf.apply(data));
                if (key != null) {
                    index.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(row, same);
                }
            }
        }
        same.addLast(data);
        size++;
    }

    /** Removes one row with these values; false if there is none. */
    public boolean remove(Object[] data) {
        Row row = new Row(data);
        ArrayDeque<Object[]> same = rows.get(row);
        if (same == null) {
            return false;
        }
        same.removeFirst();
        size--;
        if (same.isEmpty()) {
            rows.remove(row);
            if (index != null) {
                Object key = Keys.normalize(keyOf.apply(data));
                Map<Row, ArrayDeque<Object[]>> bucket = key == null ? null : index.get(key);
                if (bucket != null) {
                    bucket.remove(row);
                    if (bucket.isEmpty()) {
                        index.remove(key);
                    }
                }
            }
        }
        return true;
    }

    public int size() {
        return size;
    }

    public void clear() {
        rows.clear();
        if (index != null) {
            index.clear();
        }
        size = 0;
    }

    /** A copy of every row, for snapshots. */
    public ArrayList<Object[]> toList() {
        ArrayList<Object[]> out = new ArrayList<>(size);
        for (Object[] r : all()) {
            out.add(r.clone());
        }
        return out;
    }

    @Override
    public Iterable<Object[]> all() {
        return () -> new Flattening(rows.values().iterator());
    }

    @Override
    public boolean indexed() {
        return index != null;
    }

    @Override
    public Iterable<Object[]> lookup(Object key) {
        if (index == null) {
            throw new IllegalStateException("no index");
        }
        Map<Row, ArrayDeque<Object[]>> bucket = key == null ? null : index.get(key);
        if (bucket == null) {
            return Collections.emptyList();
        }
        return () -> new Flattening(bucket.values().iterator());
    }

    /** Every row of a list of groups of equal rows. */
    private static final class Flattening implements Iterator<Object[]> {
        private final Iterator<ArrayDeque<Object[]>> groups;
        private Iterator<Object[]> current = Collections.emptyIterator();

        Flattening(Iterator<ArrayDeque<Object[]>> groups) {
            this.groups = groups;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!groups.hasNext()) {
                    return false;
                }
                current = groups.next().iterator();
            }
            return true;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    /** Row values with value equality. */
    private static final class Row {
        private final Object[] data;
        private final int hash;

        Row(Object[] data) {
            this.data = data;
            this.hash = Arrays.hashCode(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.hash == hash && Arrays.equals(r.data, data);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** For tests: the rows as lists. */
    List<List<Object>> rowsAsLists() {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : all()) {
            out.add(Arrays.asList(r));
        }
        return out;
    }
}
