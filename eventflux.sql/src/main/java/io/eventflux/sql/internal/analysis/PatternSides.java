package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.PatternInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pattern as an input of a join ({@code PATTERN (...) [WITHIN d] AS p JOIN ...}): its schema is the flattened
 * match, the attributes of every element that is not absent, each named {@code <ref>_<attribute>} (ref: the
 * element's alias, or its stream's name without one), so the join reads {@code p.e1_price}.
 */
final class PatternSides {
    private PatternSides() {
    }

    static JoinInput.Input input(Source.PatternSide side, PatternInput pattern) {
        String alias = side.alias().text();
        List<Attribute> attributes = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (PatternInput.Element e : pattern.elements()) {
            if (e.absent()) {
                continue;
            }
            String ref = e.alias() != null ? e.alias() : e.stream().name();
            if (!refs.add(ref.toLowerCase(java.util.Locale.ROOT))) {
                throw new CompileProblem(side.pattern().pos(), "pattern input '" + alias + "' has two elements named '"
                        + ref + "': its columns would clash", ref, "give each element its own reference (e1=" + ref
                        + "[...])");
            }
            for (Attribute a : e.stream().attributes()) {
                attributes.add(new Attribute(ref + "_" + a.name(), a.type()));
            }
        }
        if (attributes.isEmpty()) {
            throw new CompileProblem(side.pos(), "pattern input '" + alias + "' has no columns", alias, null);
        }
        return new JoinInput.Input(JoinInput.Kind.PATTERN, new StreamSchema(alias, attributes), alias, null,
                side.unidirectional(), pattern);
    }
}
