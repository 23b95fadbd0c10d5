package io.eventflux.engine.internal.app;

import io.eventflux.api.store.RevisionChain;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what the next revision of an app writes: every piece of every state entry (a full revision), or
 * only the pieces whose SHA-256 differs from the same piece of the previous revision (an incremental one,
 * named after its base). A full revision comes first, then every {@code fullEvery} revisions (bounding the
 * chain a restore reads), and whenever the previous revision is no longer in the store. Callers serialize
 * calls (the app's persistence lock).
 */
final class DeltaWriter {
    private final int fullEvery;
    /** The name of the last revision saved or restored from, or null (the next one is full). */
    private String last;
    /** Incremental revisions since the last full one, in the chain ending at {@link #last}. */
    private int chain;
    private Map<String, byte[][]> digests = Map.of();

    /** @param fullEvery a full revision every this many (1: every revision is full) */
    DeltaWriter(int fullEvery) {
        this.fullEvery = fullEvery;
    }

    /** A revision ready to save; {@link #saved} once the store has it. */
    record Prepared(String name, byte[] bytes, boolean full, int parts, Map<String, byte[][]> digests) {
    }

    /**
     * Encodes a revision.
     *
     * @param id the new revision's id
     * @param stored the store's revisions now (an incremental revision needs its base there)
     */
    Prepared prepare(String id, String app, String fingerprint, Map<String, String> units, long takenAt,
            Map<String, Serializable> state, List<String> stored) throws IOException {
        boolean full = last == null || chain + 1 >= fullEvery || !wholeChainIn(last, stored);
        MessageDigest sha = StateFingerprints.digest();
        Map<String, SnapshotCodec.Entry> entries = new LinkedHashMap<>();
        Map<String, byte[][]> next = new LinkedHashMap<>();
        for (Map.Entry<String, Serializable> e : state.entrySet()) {
            StatePieces.Split split;
            try {
                split = StatePieces.split(e.getValue());
            } catch (IOException | RuntimeException ex) {
                throw new IOException("app '" + app + "': the state of '" + e.getKey() + "' is not serializable: "
                        + ex.getMessage(), ex);
            }
            byte[][] now = new byte[split.pieces().size()][];
            byte[][] before = full ? null : digests.get(e.getKey());
            List<byte[]> pieces = new ArrayList<>(now.length);
            for (int i = 0; i < now.length; i++) {
                byte[] piece = split.pieces().get(i);
                now[i] = sha.digest(piece);
                boolean same = before != null && i < before.length && Arrays.equals(before[i], now[i]);
                pieces.add(same ? null : piece);
            }
            next.put(e.getKey(), now);
            entries.put(e.getKey(), new SnapshotCodec.Entry(split.shape(), pieces));
        }
        String base = full ? null : RevisionChain.id(last);
        byte[] bytes = SnapshotCodec.encode(app, fingerprint, units, base, takenAt, entries);
        String name = full ? RevisionChain.full(id) : RevisionChain.incremental(id, base);
        return new Prepared(name, bytes, full, state.size(), next);
    }

    /**
     * Whether a revision and every revision it depends on are in the store: a store that prunes without
     * {@link RevisionChain#removable} may have deleted a base, and then the next revision must be full.
     */
    static boolean wholeChainIn(String name, List<String> stored) {
        String current = name;
        for (int guard = 0; guard <= stored.size(); guard++) {
            if (!stored.contains(current)) {
                return false;
            }
            java.util.Optional<String> base = RevisionChain.base(current);
            if (base.isEmpty()) {
                return true;
            }
            current = stored.stream().filter(r -> RevisionChain.id(r).equals(base.get())).findFirst().orElse(null);
            if (current == null) {
                return false;
            }
        }
        return false;
    }

    /** The prepared revision is in the store: the next one may build on it. */
    void saved(Prepared p) {
        last = p.name();
        chain = p.full() ? 0 : chain + 1;
        digests = p.digests();
    }

    /**
     * The app was started from a stored revision (every piece assembled): the next revision may hold only
     * what changed since it.
     *
     * @param chainLength the incremental revisions in its chain (0 for a full one)
     */
    void resumeFrom(String name, Map<String, SnapshotCodec.Entry> entries, int chainLength) {
        MessageDigest sha = StateFingerprints.digest();
        Map<String, byte[][]> d = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            byte[][] a = new byte[v.pieces().size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = sha.digest(v.pieces().get(i));
            }
            d.put(k, a);
        });
        last = name;
        chain = chainLength;
        digests = d;
    }
}
