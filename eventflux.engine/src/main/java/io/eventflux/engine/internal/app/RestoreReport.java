package io.eventflux.engine.internal.app;

import io.eventflux.api.management.StateRestore;
import io.eventflux.sql.plan.AppPlan;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Says which units of a run got their state back from a stored revision and which started empty. */
final class RestoreReport {
    private RestoreReport() {
    }

    /**
     * @param stateKeys the keys of the run's state entries (which units have state at all)
     */
    static StateRestore of(AppPersistence.Loaded loaded, AppPlan plan, Set<String> stateKeys) {
        Map<String, String> units = StateFingerprints.units(plan);
        Set<String> empty = new LinkedHashSet<>();
        for (String k : stateKeys) {
            String unit = StateFingerprints.owner(k, units.keySet());
            String name = unit == null ? k : unit;
            if (!loaded.kept().contains(name)) {
                empty.add(name);
            }
        }
        return new StateRestore(revisionId(loaded.revision()), loaded.kept(), java.util.List.copyOf(empty),
                loaded.dropped());
    }

    private static String revisionId(String name) {
        return io.eventflux.api.store.RevisionChain.id(name);
    }

    /** One line for the log. */
    static String describe(StateRestore r) {
        return "revision " + r.revision() + "; kept state: " + r.kept() + "; started empty: " + r.startedEmpty()
                + (r.dropped().isEmpty() ? "" : "; no longer in the app: " + r.dropped());
    }
}
