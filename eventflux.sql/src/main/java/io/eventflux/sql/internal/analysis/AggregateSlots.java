package io.eventflux.sql.internal.analysis;

import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.extension.Argument;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The aggregate calls of one selector. Identical calls (same aggregator, arguments, DISTINCT) share a slot. */
final class AggregateSlots {
    /**
     * A call's identity. Compared field by field, the aggregator's name first, and never hashed: a selector has a
     * handful of calls, and hashing the argument expressions (records) would make the first compile of a process
     * bootstrap the records' generated hashCode for nothing (~10 ms of start-up).
     */
    private static final class Key {
        private final String name;
        private final List<TypedExpr> arguments;
        private final List<String> constants;
        private final boolean distinct;

        Key(String name, List<TypedExpr> arguments, List<String> constants, boolean distinct) {
            this.name = name;
            this.arguments = arguments;
            this.constants = constants;
            this.distinct = distinct;
        }

        boolean sameCall(Key other) {
            return name.equals(other.name) && distinct == other.distinct && constants.equals(other.constants)
                    && arguments.equals(other.arguments);
        }
    }

    private final List<AggregateCall> calls = new ArrayList<>();
    /** The key of each slot, by slot. */
    private final List<Key> keys = new ArrayList<>();

    /** The slot of an existing identical call, or -1. */
    int find(String name, List<TypedExpr> arguments, List<Argument> resolved, boolean distinct) {
        Key key = key(name, arguments, resolved, distinct);
        for (int slot = 0; slot < keys.size(); slot++) {
            if (keys.get(slot).sameCall(key)) {
                return slot;
            }
        }
        return -1;
    }

    TypedExpr.AggregateRef add(String name, List<TypedExpr> arguments, List<Argument> resolved, boolean distinct,
            AggregatorDefinition definition) {
        int slot = calls.size();
        calls.add(new AggregateCall(slot, name, arguments.isEmpty() ? null : arguments.get(0), definition));
        keys.add(key(name, arguments, resolved, distinct));
        return new TypedExpr.AggregateRef(slot, definition.returnType());
    }

    AggregateCall call(int slot) {
        return calls.get(slot);
    }

    List<AggregateCall> calls() {
        return List.copyOf(calls);
    }

    private static Key key(String name, List<TypedExpr> arguments, List<Argument> resolved, boolean distinct) {
        // Argument has no equals: constants compare by their description
        return new Key(name.toLowerCase(Locale.ROOT), List.copyOf(arguments),
                resolved.stream().map(Argument::describe).toList(), distinct);
    }
}
