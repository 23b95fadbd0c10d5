package io.eventflux.engine.internal.join;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The rows a stream side of a join holds, kept from what its window reports (current: added, expired:
 * removed) rather than by scanning the window. Rows with equal values are interchangeable, so a removal
 * takes the oldest row with the departing event's values: the structure survives a snapshot and restore,
 * where the window's restored events are other arrays.
 *
 * <p>Every row is a node of one list in arrival order; with a key function, the nodes of one join key are
 * also linked in a bucket of the key's index, in arrival order, so that an equality condition walks the
 * rows of its key instead of scanning. A sliding window expires its oldest row, which is then the head of
 * its bucket: adding and removing cost one hash lookup and a few pointer writes, and the nodes are reused.
 * Writer thread only.
 */
public final class HeldRows implements JoinSource {
    /** Spare nodes kept for reuse at most (a window that shrank does not keep its peak forever). */
    private static final int MAX_SPARE = 256;
    /** Empty buckets tolerated before they are swept (with more than half of the index empty). */
    private static final int MAX_EMPTY_BUCKETS = 64;

    /** One held row. */
    public static final class Node {
        private Object[] data;
        private Bucket bucket;
        private Node prev;
        private Node next;
        private Node bucketPrev;
        private Node bucketNext;

        /** The row's values (the input's own array: not to be modified). */
        public Object[] data() {
            return data;
        }

        /** The next (younger) row of the same join key, or null. */
        public Node nextOfKey() {
            return bucketNext;
        }

        /** The next (younger) row, or null. */
        public Node next() {
            return next;
        }
    }

    /** The rows of one join key. */
    private static final class Bucket {
        Node head;
        Node tail;
        int size;
    }

    private final Function<Object[], Object> keyOf;
    private final HashMap<Object, Bucket> index;
    private Node head;
    private Node tail;
    private int size;
    private Node spare;
    private int spareCount;
    private int emptyBuckets;

    /** @param keyOf the join key of a row (normalized here), or null for no index */
    public HeldRows(Function<Object[], Object> keyOf) {
        this.keyOf = keyOf;
        this.index = keyOf == null ? null : new HashMap<>();
    }

    public void add(Object[] data) {
        Node n = spare;
        if (n != null) {
            spare = n.next;
            spareCount--;
            n.next = null;
        } else {
            n = new Node();
        }
        n.data = data;
        n.prev = tail;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        size++;
        if (index != null) {
            Object key = Keys.normalize(keyOf.apply(data));
            if (key != null) {
                Bucket b = index.get(key);
                if (b == null) {
                    b = new Bucket();
                    index.put(key, b);
                } else if (b.size == 0) {
                    emptyBuckets--;
                }
                n.bucket = b;
                n.bucketPrev = b.tail;
                if (b.tail == null) {
                    b.head = n;
                } else {
                    b.tail.bucketNext = n;
                }
                b.tail = n;
                b.size++;
            }
        }
    }

    /** Removes the oldest row with these values; false if there is none. */
    public boolean remove(Object[] data) {
        if (head != null && head.data == data) {
            unlink(head); // a sliding window expires its oldest row: no lookup
            return true;
        }
        Node n;
        Object key = index == null ? null : Keys.normalize(keyOf.apply(data));
        if (key != null) {
            Bucket b = index.get(key);
            n = b == null ? null : b.head;
            while (n != null && n.data != data && !Arrays.equals(n.data, data)) {
                n = n.bucketNext;
            }
        } else {
            n = head;
            while (n != null && n.data != data && !Arrays.equals(n.data, data)) {
                n = n.next;
            }
        }
        if (n == null) {
            return false;
        }
        unlink(n);
        return true;
    }

    private void unlink(Node n) {
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        size--;
        Bucket b = n.bucket;
        if (b != null) {
            if (n.bucketPrev == null) {
                b.head = n.bucketNext;
            } else {
                n.bucketPrev.bucketNext = n.bucketNext;
            }
            if (n.bucketNext == null) {
                b.tail = n.bucketPrev;
            } else {
                n.bucketNext.bucketPrev = n.bucketPrev;
            }
            if (--b.size == 0 && ++emptyBuckets > MAX_EMPTY_BUCKETS && emptyBuckets > index.size() / 2) {
                index.values().removeIf(x -> x.size == 0);
                emptyBuckets = 0;
            }
        }
        n.data = null;
        n.bucket = null;
        n.prev = null;
        n.bucketPrev = null;
        n.bucketNext = null;
        if (spareCount < MAX_SPARE) {
            n.next = spare;
            spare = n;
            spareCount++;
        } else {
            n.next = null;
        }
    }

    public int size() {
        return size;
    }

    public void clear() {
        head = null;
        tail = null;
        size = 0;
        if (index != null) {
            index.clear();
        }
        emptyBuckets = 0;
    }

    /** The oldest row, or null: with {@link Node#next()}, every row without allocating. */
    public Node first() {
        return head;
    }

    /** The oldest row of a join key ({@link Keys#normalize}d; NULL matches nothing), or null. */
    public Node firstOfKey(Object key) {
        if (index == null) {
            throw new IllegalStateException("no index");
        }
        Bucket b = key == null ? null : index.get(key);
        return b == null ? null : b.head;
    }

    /** A copy of every row, for snapshots. */
    public ArrayList<Object[]> toList() {
        ArrayList<Object[]> out = new ArrayList<>(size);
        for (Node n = head; n != null; n = n.next) {
            out.add(n.data.clone());
        }
        return out;
    }

    @Override
    public Iterable<Object[]> all() {
        return () -> new Walk(head, false);
    }

    @Override
    public boolean indexed() {
        return index != null;
    }

    @Override
    public Iterable<Object[]> lookup(Object key) {
        Node first = firstOfKey(key);
        return () -> new Walk(first, true);
    }

    /** The rows from a node on, along the arrival list or the key's bucket. */
    private static final class Walk implements Iterator<Object[]> {
        private Node node;
        private final boolean ofKey;

        Walk(Node first, boolean ofKey) {
            this.node = first;
            this.ofKey = ofKey;
        }

        @Override
        public boolean hasNext() {
            return node != null;
        }

        @Override
        public Object[] next() {
            Node n = node;
            if (n == null) {
                throw new NoSuchElementException();
            }
            node = ofKey ? n.bucketNext : n.next;
            return n.data;
        }
    }

    /** For tests: the rows as lists, oldest first. */
    List<List<Object>> rowsAsLists() {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : all()) {
            out.add(Arrays.asList(r));
        }
        return out;
    }
}
