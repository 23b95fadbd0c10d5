package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;

/**
 * {@code FROM PATTERN (...)} or {@code FROM SEQUENCE (...)} (SQL.md 3.5): the elements of the pattern and
 * the tree that combines them. The engine compiles it into a state machine.
 *
 * <p>Expressions of a pattern query (element filters, WHERE, SELECT) read the pattern's events through
 * {@link TypedExpr.AttributeRef#input()} = the element's position in {@link #elements()} (for a counted
 * element: its last event), {@link TypedExpr.EventRef} (an indexed event of an element) and
 * {@link TypedExpr.ElementAggregate} (an aggregate over the events of a counted element).
 *
 * @param sequence true for SEQUENCE (consecutive events), false for PATTERN (others may come in between)
 * @param elements every element in order of appearance, absent ones included
 * @param root how the elements combine
 * @param filter the query's WHERE over a completed match, or null
 * @param withinMillis {@code WITHIN d}: the largest span from the first to the last event, or 0 for none
 * @param withinEvents {@code WITHIN n EVENTS}: the most events of the pattern's streams a match may span
 *                     (first and last included), or 0 for none
 * @param maxPartialMatches the most partial matches kept (the oldest are dropped), or 0 for no bound
 */
public record PatternInput(boolean sequence, List<Element> elements, Node root, TypedExpr filter, long withinMillis,
        long withinEvents, int maxPartialMatches) implements InputPlan {
    /** The count of an unbounded quantifier ({@code +}, {@code *}, {@code {n,}}). */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public PatternInput {
        elements = List.copyOf(elements);
    }

    /**
     * One element: {@code alias=Stream[filter]{min,max}} or {@code NOT Stream[filter] [FOR d]}.
     *
     * @param stream the stream it matches
     * @param alias its reference ({@code e1}), or null
     * @param filter its condition over this element's candidate event (input = this element) and earlier
     *               elements, or null
     * @param min fewest events (1 for a plain element)
     * @param max most events ({@link #UNBOUNDED} for none; 1 for a plain element)
     * @param absent true for {@code NOT S[...]}
     * @param forMillis for {@code NOT S FOR d}: d; 0 for an absent element without FOR (used with AND)
     */
    public record Element(StreamSchema stream, String alias, TypedExpr filter, int min, int max, boolean absent,
            long forMillis) {
        public boolean counted() {
            return min != 1 || max != 1;
        }
    }

    /** How elements combine. */
    public sealed interface Node {
    }

    /** One element, by its position in {@link #elements()}. */
    public record Step(int element) implements Node {
    }

    /** {@code a -> b -> ...}. */
    public record FollowedBy(List<Node> steps) implements Node {
        public FollowedBy {
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code EVERY x}. On one element (or one AND/OR of elements) every matching event starts its own partial
     * match; on a group of several steps the group restarts only after it completes (SQL.md 3.5).
     */
    public record Every(Node inner) implements Node {
    }

    /** {@code a AND b} / {@code a OR b} between two elements. */
    public record Logical(boolean and, Step left, Step right) implements Node {
    }
}
