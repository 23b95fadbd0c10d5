package io.eventflux.engine.internal.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts one state-map value into pieces that are serialized independently, so that an incremental snapshot
 * writes only the pieces whose bytes changed: a large {@code ArrayList}, {@code Object[]},
 * {@code Object[][]}, {@code long[]} or {@code LinkedHashMap} (a partition's per-key states, a window's
 * events, a selector's groups) is cut into pages of a fixed number of elements (entries, in order), and a small {@code Object[]} (a tuple such as {@code {keys, lastSeen,
 * states}}) into its elements, a few levels deep. Anything else is one piece. A separate
 * {@code ObjectOutputStream} per piece keeps JDK serialization's back-references inside the piece, so a
 * change in one key does not shift the bytes of the others.
 *
 * <p>The shape (how to put the pieces back together) is a few bytes written beside them. Objects shared by
 * two pieces come back as equal copies: {@code Stateful} snapshots are self-contained copies anyway.
 */
final class StatePieces {
    /** Elements of an object array or list per piece. */
    static final int PAGE = 64;
    /** Longs per piece. */
    static final int LONG_PAGE = 1024;
    /** Containers this long or longer are paged. */
    static final int MIN_PAGED = 2 * PAGE;
    /** Object arrays up to this long are cut into their elements (tuples). */
    private static final int MAX_TUPLE = 8;
    private static final int MAX_DEPTH = 3;

    private static final byte NULL = 0;
    private static final byte BLOB = 1;
    private static final byte TUPLE = 2;
    private static final byte OBJECTS = 3;
    private static final byte OBJECT_ARRAYS = 4;
    private static final byte LIST = 5;
    private static final byte LONGS = 6;
    private static final byte MAP = 7;

    private StatePieces() {
    }

    /** A value cut into pieces: its shape and the pieces' bytes, in order. */
    record Split(byte[] shape, List<byte[]> pieces) {
    }

    static Split split(Serializable value) throws IOException {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        List<byte[]> pieces = new ArrayList<>();
        try (DataOutputStream out = new DataOutputStream(shape)) {
            split(value, 0, out, pieces);
        }
        return new Split(shape.toByteArray(), pieces);
    }

    private static void split(Object value, int depth, DataOutputStream shape, List<byte[]> pieces)
            throws IOException {
        if (value == null) {
            shape.writeByte(NULL);
        } else if (value.getClass() == long[].class && ((long[]) value).length >= 2 * LONG_PAGE) {
            long[] a = (long[]) value;
            shape.writeByte(LONGS);
            shape.writeInt(a.length);
            for (int from = 0; from < a.length; from += LONG_PAGE) {
                int to = Math.min(a.length, from + LONG_PAGE);
                ByteBuffer b = ByteBuffer.allocate((to - from) * Long.BYTES);
                b.asLongBuffer().put(a, from, to - from);
                pieces.add(b.array());
            }
        } else if ((value.getClass() == Object[].class || value.getClass() == Object[][].class)
                && ((Object[]) value).length >= MIN_PAGED) {
            Object[] a = (Object[]) value;
            shape.writeByte(value.getClass() == Object[].class ? OBJECTS : OBJECT_ARRAYS);
            shape.writeInt(a.length);
            for (int from = 0; from < a.length; from += PAGE) {
                pieces.add(serialize(Arrays.copyOfRange(a, from, Math.min(a.length, from + PAGE), Object[].class)));
            }
        } else if (value.getClass() == ArrayList.class && ((ArrayList<?>) value).size() >= MIN_PAGED) {
            ArrayList<?> l = (ArrayList<?>) value;
            shape.writeByte(LIST);
            shape.writeInt(l.size());
            for (int from = 0; from < l.size(); from += PAGE) {
                pieces.add(serialize(l.subList(from, Math.min(l.size(), from + PAGE)).toArray()));
            }
        } else if (value.getClass() == LinkedHashMap.class && ((Map<?, ?>) value).size() >= MIN_PAGED) {
            // a selector's groups: pages of {key, value, key, value, ...} in the map's order
            Map<?, ?> m = (Map<?, ?>) value;
            shape.writeByte(MAP);
            shape.writeInt(m.size());
            Object[] page = new Object[2 * Math.min(PAGE, m.size())];
            int n = 0;
            int left = m.size();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                page[n++] = e.getKey();
                page[n++] = e.getValue();
                left--;
                if (n == page.length || left == 0) {
                    pieces.add(serialize(Arrays.copyOf(page, n)));
                    n = 0;
                }
            }
        } else if (value.getClass() == Object[].class && ((Object[]) value).length <= MAX_TUPLE && depth < MAX_DEPTH) {
            Object[] a = (Object[]) value;
            shape.writeByte(TUPLE);
            shape.writeInt(a.length);
            for (Object o : a) {
                split(o, depth + 1, shape, pieces);
            }
        } else {
            shape.writeByte(BLOB);
            pieces.add(serialize(value));
        }
    }

    /** Puts a value back together from its shape and pieces. */
    static Serializable join(byte[] shape, List<byte[]> pieces, Set<ClassLoader> loaders)
            throws IOException, ClassNotFoundException {
        Iterator<byte[]> it = pieces.iterator();
        Object v;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(shape))) {
            v = join(in, it, loaders);
        }
        if (it.hasNext()) {
            throw new IOException("more pieces than the shape of the value takes");
        }
        return (Serializable) v;
    }

    private static Object join(DataInputStream shape, Iterator<byte[]> pieces, Set<ClassLoader> loaders)
            throws IOException, ClassNotFoundException {
        byte kind = shape.readByte();
        switch (kind) {
            case NULL:
                return null;
            case BLOB:
                return deserialize(next(pieces), loaders);
            case LONGS: {
                long[] a = new long[shape.readInt()];
                for (int from = 0; from < a.length; from += LONG_PAGE) {
                    int n = Math.min(a.length, from + LONG_PAGE) - from;
                    byte[] page = next(pieces);
                    if (page.length != n * Long.BYTES) {
                        throw new IOException("a page of longs has " + page.length + " bytes, expected " + n * 8);
                    }
                    ByteBuffer.wrap(page).asLongBuffer().get(a, from, n);
                }
                return a;
            }
            case OBJECTS, OBJECT_ARRAYS, LIST: {
                int length = shape.readInt();
                Object[] a = kind == OBJECT_ARRAYS ? new Object[length][] : new Object[length];
                for (int from = 0; from < length; from += PAGE) {
                    Object[] page = (Object[]) deserialize(next(pieces), loaders);
                    if (page.length != Math.min(length, from + PAGE) - from) {
                        throw new IOException("a page of " + page.length + " elements does not fit at " + from);
                    }
                    System.arraycopy(page, 0, a, from, page.length);
                }
                return kind == LIST ? new ArrayList<>(Arrays.asList(a)) : a;
            }
            case MAP: {
                int size = shape.readInt();
                LinkedHashMap<Object, Object> m = new LinkedHashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
                while (m.size() < size) {
                    Object[] page = (Object[]) deserialize(next(pieces), loaders);
                    if (page.length % 2 != 0 || page.length == 0) {
                        throw new IOException("a page of map entries has " + page.length + " elements");
                    }
                    for (int i = 0; i < page.length; i += 2) {
                        m.put(page[i], page[i + 1]);
                    }
                }
                if (m.size() != size) {
                    throw new IOException("a map of " + size + " entries came back with " + m.size());
                }
                return m;
            }
            case TUPLE: {
                Object[] a = new Object[shape.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = join(shape, pieces, loaders);
                }
                return a;
            }
            default:
                throw new IOException("unknown kind " + kind + " in the shape of a snapshot value");
        }
    }

    private static byte[] next(Iterator<byte[]> pieces) throws IOException {
        if (!pieces.hasNext()) {
            throw new IOException("fewer pieces than the shape of the value takes");
        }
        return pieces.next();
    }

    static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes, Set<ClassLoader> loaders) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loaders)) {
            return in.readObject();
        }
    }

    /** Resolves classes in the bundles of the app's extensions (in OSGi the engine cannot see them). */
    static final class LoaderObjectInputStream extends ObjectInputStream {
        private final Set<ClassLoader> loaders;

        LoaderObjectInputStream(InputStream in, Set<ClassLoader> loaders) throws IOException {
            super(in);
            this.loaders = loaders;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            for (ClassLoader l : loaders) {
                try {
                    return Class.forName(desc.getName(), false, l);
                } catch (ClassNotFoundException e) {
                    // next
                }
            }
            return super.resolveClass(desc);
        }
    }
}
