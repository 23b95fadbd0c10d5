package io.eventflux.api.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the engine names snapshot revisions, so that a {@link PersistenceStore} can keep its last N
 * revisions without breaking an incremental one. A revision is either full, named by its id, or
 * incremental, named {@code ID-BASE}: it holds only what changed since revision {@code BASE} (an id) and
 * cannot be restored without it (nor without BASE's own base, and so on to a full revision). Ids contain
 * no {@code '-'}; names sort in the order the revisions were saved.
 *
 * <p>A store that deletes old revisions must delete only those {@link #removable} returns.
 */
public final class RevisionChain {
    private static final char SEPARATOR = '-';

    private RevisionChain() {
    }

    /** The name of a full revision. @throws IllegalArgumentException when the id contains {@code '-'} */
    public static String full(String id) {
        check(id);
        return id;
    }

    /** The name of a revision holding only what changed since revision {@code baseId}. */
    public static String incremental(String id, String baseId) {
        check(id);
        check(baseId);
        return id + SEPARATOR + baseId;
    }

    private static void check(String id) {
        if (id == null || id.isEmpty() || id.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a revision id must be non-empty and contain no '-': '" + id + "'");
        }
    }

    /** The id of a revision name. */
    public static String id(String revision) {
        int i = revision.indexOf(SEPARATOR);
        return i < 0 ? revision : revision.substring(0, i);
    }

    /** The id of the revision an incremental revision depends on; empty for a full one. */
    public static Optional<String> base(String revision) {
        int i = revision.indexOf(SEPARATOR);
        return i < 0 ? Optional.empty() : Optional.of(revision.substring(i + 1));
    }

    /**
     * The revisions a store may delete when it keeps the newest {@code keep}: every revision except those
     * and the revisions they depend on, directly or through other incremental revisions.
     *
     * @param revisions every revision of one app, oldest first (as {@link PersistenceStore#revisions})
     * @param keep how many of the newest revisions must stay restorable (at least 1)
     * @return the revisions that may be deleted, oldest first
     */
    public static List<String> removable(List<String> revisions, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        Map<String, String> byId = new HashMap<>();
        for (String r : revisions) {
            byId.put(id(r), r);
        }
        Set<String> needed = new HashSet<>();
        for (int i = Math.max(0, revisions.size() - keep); i < revisions.size(); i++) {
            String r = revisions.get(i);
            while (r != null && needed.add(r)) {
                r = base(r).map(byId::get).orElse(null);
            }
        }
        List<String> out = new ArrayList<>();
        for (String r : revisions) {
            if (!needed.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
