package io.eventflux.sql.internal.analysis;

import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.extension.Argument;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The aggregate calls of one selector. Identical calls (same aggregator, arguments, DISTINCT) share a slot. */
final class AggregateSlots {
    private record Key(String name, List<TypedExpr> arguments, List<String> constants, boolean distinct) {
    }

    private final List<AggregateCall> calls = new ArrayList<>();
    private final Map<Key, Integer> slots = new HashMap<>();

    /** The slot of an existing identical call, or -1. */
    int find(String name, List<TypedExpr> arguments, List<Argument> resolved, boolean distinct) {
        Integer slot = slots.get(key(name, arguments, resolved, distinct));
        return slot == null ? -1 : slot;
    }

    TypedExpr.AggregateRef add(String name, List<TypedExpr> arguments, List<Argument> resolved, boolean distinct,
            AggregatorDefinition definition) {
        int slot = calls.size();
        calls.add(new AggregateCall(slot, name, arguments.isEmpty() ? null : arguments.get(0), definition));
        slots.put(key(name, arguments, resolved, distinct), slot);
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
