package io.eventflux.engine.internal.app;

import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.RevisionChain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a revision from a persistence store, assembling an incremental one from its chain: each piece an
 * incremental revision left out is taken from its base, and so on down to a full revision.
 */
final class RevisionReader {
    private final PersistenceStore store;
    private final String app;
    private final Set<ClassLoader> loaders;

    RevisionReader(PersistenceStore store, String app, Set<ClassLoader> loaders) {
        this.store = store;
        this.app = app;
        this.loaders = loaders;
    }

    /** A revision with every piece present, and how many incremental revisions its chain holds. */
    record Assembled(String name, SnapshotCodec.Revision revision, int chainLength) {
    }

    /**
     * @param name the revision's name in the store
     * @param all every revision of the app in the store (to find bases by id)
     * @throws IOException when it or a revision of its chain is missing or unreadable, naming which
     */
    Assembled read(String name, List<String> all) throws IOException, ClassNotFoundException {
        SnapshotCodec.Revision top = decode(name, false);
        Map<String, SnapshotCodec.Entry> entries = new LinkedHashMap<>(top.entries());
        String current = name;
        int chain = 0;
        while (entries.values().stream().anyMatch(e -> !e.complete())) {
            String baseId = RevisionChain.base(current).orElseThrow(() -> new IOException("snapshot revision "
                    + name + " lacks pieces and names no base revision"));
            String base = all.stream().filter(r -> RevisionChain.id(r).equals(baseId)).findFirst()
                    .orElseThrow(() -> new IOException("snapshot revision " + name + " depends on revision " + baseId
                            + ", which is not in the store"));
            SnapshotCodec.Revision b = decode(base, false);
            for (Map.Entry<String, SnapshotCodec.Entry> e : entries.entrySet()) {
                SnapshotCodec.Entry mine = e.getValue();
                if (mine.complete()) {
                    continue;
                }
                SnapshotCodec.Entry theirs = b.entries().get(e.getKey());
                List<byte[]> filled = new ArrayList<>(mine.pieces());
                for (int i = 0; i < filled.size(); i++) {
                    if (filled.get(i) == null) {
                        if (theirs == null || i >= theirs.pieces().size()) {
                            throw new IOException("snapshot revision " + current + " takes piece " + i + " of '"
                                    + e.getKey() + "' from revision " + base + ", which does not have it");
                        }
                        filled.set(i, theirs.pieces().get(i));
                    }
                }
                e.setValue(new SnapshotCodec.Entry(mine.shape(), filled));
            }
            current = base;
            chain++;
        }
        return new Assembled(name, new SnapshotCodec.Revision(top.format(), top.app(), top.fingerprint(), top.units(),
                top.base(), top.takenAt(), top.parts(), entries), Math.max(chain, namedChain(name, all)));
    }

    /** How many incremental revisions the names chain down to a full one (or to a missing base). */
    private static int namedChain(String name, List<String> all) {
        int n = 0;
        String current = name;
        while (current != null && RevisionChain.base(current).isPresent() && n <= all.size()) {
            String baseId = RevisionChain.base(current).get();
            current = all.stream().filter(r -> RevisionChain.id(r).equals(baseId)).findFirst().orElse(null);
            n++;
        }
        return n;
    }

    /** A revision as stored (pieces of its base left out), or only its header. */
    SnapshotCodec.Revision decode(String name, boolean headerOnly) throws IOException, ClassNotFoundException {
        Optional<byte[]> bytes = store.load(app, name);
        if (bytes.isEmpty()) {
            throw new IOException("snapshot revision " + name + " is not in the store");
        }
        return SnapshotCodec.decode(bytes.get(), headerOnly, loaders);
    }
}
