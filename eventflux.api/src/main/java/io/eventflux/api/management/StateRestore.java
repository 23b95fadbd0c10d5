package io.eventflux.api.management;

import java.util.List;
import java.util.Objects;

/**
 * What an app's current run took from a stored snapshot when it started (at deploy, or at a redeploy of a
 * changed version of the app): the parts whose definition did not change got their state back, the others
 * started empty.
 *
 * @param revision the snapshot revision restored
 * @param kept the queries, partitions, tables, triggers and sources (as {@code query-1}, {@code table/T},
 *     {@code source/S}) whose state was restored
 * @param startedEmpty the stateful ones that started empty: new, or changed since the snapshot was taken
 * @param dropped the ones of the snapshot that are no longer in the app (their state was left out)
 */
public record StateRestore(String revision, List<String> kept, List<String> startedEmpty, List<String> dropped) {
    public StateRestore {
        Objects.requireNonNull(revision, "revision");
        kept = List.copyOf(kept);
        startedEmpty = List.copyOf(startedEmpty);
        dropped = List.copyOf(dropped);
    }
}
