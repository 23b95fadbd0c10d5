package io.eventflux.sql.internal.analysis;

import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.StreamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's named things: streams (declared and implicit), and the names of tables, triggers, aggregations. */
final class Symbols {
    /** What a name stands for. */
    enum Kind { STREAM, TABLE, TRIGGER, AGGREGATION }

    record Entry(Kind kind, StreamSchema schema, SourcePosition pos) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, StreamDef> streams = new LinkedHashMap<>();
    private final Map<String, AggregationDef> aggregations = new LinkedHashMap<>();
    /** The app's symbols when these are a partition's (which hold its inner streams only), else null. */
    private final Symbols parent;

    Symbols() {
        this(null);
    }

    private Symbols(Symbols parent) {
        this.parent = parent;
    }

    /** The symbols of a partition: inner ({@code #name}) streams are its own, every other name is the app's. */
    Symbols inner() {
        return new Symbols(this);
    }

    /** Whether inner ({@code #name}) streams may be named here (inside a partition). */
    boolean allowsInner() {
        return parent != null;
    }

    private Symbols owner(String name) {
        return parent != null && !name.startsWith("#") ? parent : this;
    }

    /** Defines a name; a second definition is an error naming the first. */
    void define(Identifier name, Kind kind, StreamSchema schema) {
        if (owner(name.text()) != this) {
            parent.define(name, kind, schema);
            return;
        }
        Entry existing = entries.get(name.text());
        if (existing != null) {
            throw new CompileProblem(name.pos(), kindName(kind) + " '" + name.text() + "' is already defined as a "
                    + kindName(existing.kind()) + " at " + existing.pos(), name.text(), null);
        }
        entries.put(name.text(), new Entry(kind, schema, name.pos()));
    }

    /** Gives a defined aggregation its schema once its SELECT is analyzed. */
    void settle(AggregationDef def) {
        if (owner(def.name()) != this) {
            parent.settle(def);
            return;
        }
        Entry e = entries.get(def.name());
        entries.put(def.name(), new Entry(e.kind(), def.schema(), e.pos()));
        aggregations.put(def.name(), def);
    }

    /** A settled aggregation, or null. */
    AggregationDef aggregation(String name) {
        return owner(name) != this ? parent.aggregation(name) : aggregations.get(name);
    }

    void addStream(StreamDef def) {
        if (owner(def.name()) != this) {
            parent.addStream(def);
            return;
        }
        streams.put(def.name(), def);
        entries.putIfAbsent(def.name(), new Entry(Kind.STREAM, def.schema(), def.position()));
    }

    Entry lookup(String name) {
        if (owner(name) != this) {
            return parent.lookup(name);
        }
        return entries.get(name);
    }

    StreamDef stream(String name) {
        if (owner(name) != this) {
            return parent.stream(name);
        }
        return streams.get(name);
    }

    /** An entry that must exist, or an "unknown stream" error suggesting the nearest name. */
    Entry require(Identifier name) {
        if (owner(name.text()) != this) {
            return parent.require(name);
        }
        Entry e = entries.get(name.text());
        if (e == null) {
            throw new CompileProblem(name.pos(), "unknown stream '" + name.text() + "'", name.text(),
                    Suggestions.hint(name.text(), entries.keySet()));
        }
        return e;
    }

    /**
     * An entry that must exist, or an "unknown table" (aggregation, ...) error suggesting the nearest name of
     * that kind. An existing entry of another kind is returned: the caller says what it needed.
     */
    Entry require(Identifier name, Kind kind) {
        if (owner(name.text()) != this) {
            return parent.require(name, kind);
        }
        Entry e = entries.get(name.text());
        if (e == null) {
            List<String> sameKind = entries.entrySet().stream().filter(x -> x.getValue().kind() == kind)
                    .map(Map.Entry::getKey).toList();
            throw new CompileProblem(name.pos(), "unknown " + kindName(kind) + " '" + name.text() + "'", name.text(),
                    Suggestions.hint(name.text(), sameKind));
        }
        return e;
    }

    List<StreamDef> streams() {
        return new ArrayList<>(streams.values());
    }

    static String kindName(Kind kind) {
        return switch (kind) {
            case STREAM -> "stream";
            case TABLE -> "table";
            case TRIGGER -> "trigger";
            case AGGREGATION -> "aggregation";
        };
    }
}
