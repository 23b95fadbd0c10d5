package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;
import java.util.List;

/** The pattern language of PATTERN(...) and SEQUENCE(...) (SQL.md 3.5). */
public sealed interface Pattern extends Node {

    /** {@code e1=S[cond]{min,max}}: reference and filter may be null; quantifier null means exactly once. */
    record StreamElement(Identifier reference, Identifier stream, Expr filter, Quantifier quantifier,
            SourcePosition pos) implements Pattern {
    }

    /** {@code a -> b -> c}. */
    record FollowedBy(List<Pattern> steps, SourcePosition pos) implements Pattern {
        public FollowedBy {
            steps = List.copyOf(steps);
        }
    }

    record And(Pattern left, Pattern right, SourcePosition pos) implements Pattern {
    }

    record Or(Pattern left, Pattern right, SourcePosition pos) implements Pattern {
    }

    /** {@code EVERY element} or {@code EVERY (pattern)}. */
    record Every(Pattern inner, SourcePosition pos) implements Pattern {
    }

    /** {@code NOT S[cond] [FOR d]}: filter and forDuration may be null. */
    record Absent(Identifier stream, Expr filter, Duration forDuration, SourcePosition pos) implements Pattern {
    }

    /** Repetition of an element: max is -1 when unbounded ({@code +} is {1,-1}, {@code *} {0,-1}, {@code ?} {0,1}). */
    record Quantifier(int min, int max) {
        public static final int UNBOUNDED = -1;
    }

    /** {@code WITHIN d} (millis) or {@code WITHIN n EVENTS}; exactly one is non-null. */
    record Within(Long millis, Long events, SourcePosition pos) implements Node {
    }
}
