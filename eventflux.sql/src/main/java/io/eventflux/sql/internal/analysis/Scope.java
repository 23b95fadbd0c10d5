package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/** The inputs a query's expressions can name: one per stream (joins and patterns will add more). */
final class Scope {
    /** One input: its position in the query, its stream name, its alias (or null) and schema. */
    record Input(int index, String stream, String alias, StreamSchema schema) {
        boolean answersTo(String qualifier) {
            return qualifier.equals(alias) || qualifier.equals(stream);
        }
    }

    private final List<Input> inputs;
    /** Where an unqualified name always resolves (window conditions), or null. */
    private final Input unqualified;
    private final Input primary;
    private final PatternRefs pattern;

    Scope(List<Input> inputs) {
        this(inputs, null, null, null);
    }

    /** Inputs where unqualified names always mean {@code unqualified} (window conditions). */
    Scope(List<Input> inputs, Input unqualified) {
        this(inputs, unqualified, null, null);
    }

    /**
     * @param primary the input an unqualified name resolves to first (a pattern element's own event), or null
     * @param pattern how indexed references and aggregates over pattern elements resolve, or null
     */
    Scope(List<Input> inputs, Input primary, PatternRefs pattern) {
        this(inputs, null, primary, pattern);
    }

    private Scope(List<Input> inputs, Input unqualified, Input primary, PatternRefs pattern) {
        this.inputs = List.copyOf(inputs);
        this.unqualified = unqualified;
        this.primary = primary;
        this.pattern = pattern;
    }

    /** The pattern hooks of a pattern query's scope, or null. */
    PatternRefs pattern() {
        return pattern;
    }

    List<Input> inputs() {
        return inputs;
    }

    /** The input a qualifier names, or an error suggesting the stream names and aliases. */
    Input input(String qualifier, SourcePosition pos) {
        for (Input in : inputs) {
            if (in.answersTo(qualifier)) {
                return in;
            }
        }
        List<String> names = new ArrayList<>();
        for (Input in : inputs) {
            names.add(in.stream());
            if (in.alias() != null) {
                names.add(in.alias());
            }
        }
        throw new CompileProblem(pos, "unknown stream or alias '" + qualifier + "'", qualifier,
                Suggestions.hint(qualifier, names));
    }

    /** The attribute of one input, or an error suggesting its attributes (and {@code extra} names). */
    TypedExpr.AttributeRef attribute(Input in, String name, SourcePosition pos, List<String> extra) {
        int index = in.schema().indexOf(name);
        if (index < 0) {
            List<String> candidates = new ArrayList<>(in.schema().names());
            candidates.addAll(extra);
            throw new CompileProblem(pos, "unknown attribute '" + name + "' in stream '" + in.stream() + "'", name,
                    Suggestions.hint(name, candidates));
        }
        Attribute a = in.schema().attribute(index);
        return new TypedExpr.AttributeRef(in.index(), index, a.name(), a.type());
    }

    /** An unqualified attribute: it must exist in exactly one input. */
    TypedExpr.AttributeRef attribute(String name, SourcePosition pos, List<String> extra) {
        if (unqualified != null) {
            return attribute(unqualified, name, pos, extra);
        }
        if (primary != null && primary.schema().indexOf(name) >= 0) {
            return attribute(primary, name, pos, extra);
        }
        Input found = null;
        for (Input in : inputs) {
            if (in.schema().indexOf(name) >= 0) {
                if (found != null) {
                    throw new CompileProblem(pos, "attribute '" + name + "' is ambiguous: it is in '" + label(found)
                            + "' and '" + label(in) + "'", name, "qualify it, e.g. " + label(found) + "." + name);
                }
                found = in;
            }
        }
        return attribute(found == null ? inputs.get(0) : found, name, pos, extra);
    }

    /** True when some input has this attribute. */
    boolean hasAttribute(String name) {
        return inputs.stream().anyMatch(in -> in.schema().indexOf(name) >= 0);
    }

    /** What a query names an input by: its alias, else its stream. */
    private static String label(Input in) {
        return in.alias() != null ? in.alias() : in.stream();
    }
}
