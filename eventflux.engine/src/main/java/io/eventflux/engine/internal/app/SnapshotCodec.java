package io.eventflux.engine.internal.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored form of one snapshot revision. Format 2: a header (app, whole-app fingerprint, the fingerprint
 * of each query, partition, table, trigger and source, the base revision of an incremental one, when it
 * was taken) then each state-map entry as its {@link StatePieces} shape and pieces, where a piece that is
 * the same as in the base revision is left out (a run of n such pieces is written as length -n). Format 1 (JDK serialization of the
 * header and the whole map, what earlier engines wrote) is still read.
 */
final class SnapshotCodec {
    private static final String MAGIC_V1 = "eventflux-snapshot";
    private static final int MAGIC = 0x45465332; // "EFS2"
    static final int FORMAT = 2;

    private SnapshotCodec() {
    }

    /** One entry of the state map: its shape and pieces (a null piece is the base revision's). */
    record Entry(byte[] shape, List<byte[]> pieces) {
        boolean complete() {
            return pieces.stream().allMatch(p -> p != null);
        }
    }

    /**
     * A decoded revision.
     *
     * @param units fingerprints by unit (empty for format 1)
     * @param base the base revision's id, or null for a full revision
     * @param parts how many entries it has
     * @param entries by state key, in order (format 1: each entry is one whole piece); empty when only the
     *     header was read
     */
    record Revision(int format, String app, String fingerprint, Map<String, String> units, String base,
            long takenAt, int parts, Map<String, Entry> entries) {
    }

    static byte[] encode(String app, String fingerprint, Map<String, String> units, String base, long takenAt,
            Map<String, Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(app);
            out.writeUTF(fingerprint);
            out.writeUTF(base == null ? "" : base);
            out.writeLong(takenAt);
            out.writeInt(units.size());
            for (Map.Entry<String, String> u : units.entrySet()) {
                out.writeUTF(u.getKey());
                out.writeUTF(u.getValue());
            }
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().shape().length);
                out.write(e.getValue().shape());
                List<byte[]> pieces = e.getValue().pieces();
                out.writeInt(pieces.size());
                for (int i = 0; i < pieces.size(); ) {
                    if (pieces.get(i) == null) {
                        int run = 0;
                        while (i < pieces.size() && pieces.get(i) == null) {
                            run++;
                            i++;
                        }
                        out.writeInt(-run); // a run of pieces the base has
                    } else {
                        out.writeInt(pieces.get(i).length);
                        out.write(pieces.get(i));
                        i++;
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a revision.
     *
     * @param headerOnly true: leaves the entries out (listing revisions)
     * @param loaders resolve the classes of a format-1 snapshot's values
     */
    static Revision decode(byte[] bytes, boolean headerOnly, Set<ClassLoader> loaders)
            throws IOException, ClassNotFoundException {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed) {
            return decodeV1(bytes, loaders);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not an EventFlux app snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("snapshot format " + format + " (this engine reads 1 and " + FORMAT + ")");
            }
            String app = in.readUTF();
            String fingerprint = in.readUTF();
            String base = in.readUTF();
            long takenAt = in.readLong();
            Map<String, String> units = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                units.put(in.readUTF(), in.readUTF());
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            int count = in.readInt();
            for (int n = count; n > 0 && !headerOnly; n--) {
                String key = in.readUTF();
                byte[] shape = bytes(in, length(in));
                int pieces = in.readInt();
                List<byte[]> list = new ArrayList<>(pieces);
                while (list.size() < pieces) {
                    int len = in.readInt();
                    if (len < 0) {
                        if (list.size() - len > pieces) {
                            throw new IOException("snapshot is corrupt (a run of " + -len + " pieces past the end)");
                        }
                        for (int i = 0; i < -len; i++) {
                            list.add(null);
                        }
                    } else {
                        list.add(bytes(in, len));
                    }
                }
                entries.put(key, new Entry(shape, list));
            }
            return new Revision(format, app, fingerprint, units, base.isEmpty() ? null : base, takenAt, count,
                    headerOnly ? Map.of() : entries);
        }
    }

    /** @throws java.io.EOFException when the snapshot ends before (a truncated one) */
    private static byte[] bytes(DataInputStream in, int length) throws IOException {
        if (length > in.available()) { // over a byte array: what is left
            throw new IOException("snapshot is truncated: " + length + " bytes announced, " + in.available() + " left");
        }
        byte[] b = new byte[length];
        in.readFully(b);
        return b;
    }

    private static int length(DataInputStream in) throws IOException {
        return checked(in.readInt());
    }

    private static int checked(int len) throws IOException {
        if (len < 0) {
            throw new IOException("snapshot is corrupt (negative length " + len + ")");
        }
        return len;
    }

    @SuppressWarnings("unchecked")
    private static Revision decodeV1(byte[] bytes, Set<ClassLoader> loaders) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new StatePieces.LoaderObjectInputStream(new ByteArrayInputStream(bytes), loaders)) {
            if (!MAGIC_V1.equals(in.readUTF())) {
                throw new IOException("not an EventFlux app snapshot");
            }
            int format = in.readInt();
            if (format != 1) {
                throw new IOException("snapshot format " + format + " (this engine reads 1 and " + FORMAT + ")");
            }
            String app = in.readUTF();
            String fingerprint = in.readUTF();
            Map<String, Serializable> state = (Map<String, Serializable>) in.readObject();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Serializable> e : state.entrySet()) {
                StatePieces.Split s = StatePieces.split(e.getValue());
                entries.put(e.getKey(), new Entry(s.shape(), s.pieces()));
            }
            return new Revision(1, app, fingerprint, Map.of(), null, 0, entries.size(), entries);
        }
    }

    /** Puts the state map back together (every piece present). */
    static Map<String, Serializable> state(Map<String, Entry> entries, Set<ClassLoader> loaders)
            throws IOException, ClassNotFoundException {
        Map<String, Serializable> out = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            out.put(e.getKey(), StatePieces.join(e.getValue().shape(), e.getValue().pieces(), loaders));
        }
        return out;
    }
}
