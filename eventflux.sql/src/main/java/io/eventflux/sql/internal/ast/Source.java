package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;
import java.util.List;

/** What follows FROM (and USING, UPDATE .. FROM). */
public sealed interface Source extends Node {

    /** {@code S [AS a] [WINDOW('type', args)] [UNIDIRECTIONAL]}: alias and window may be null. */
    record StreamSource(Identifier stream, Identifier alias, WindowCall window, boolean unidirectional,
            SourcePosition pos) implements Source {
    }

    /**
     * {@code left [type] JOIN right [ON cond] [WITHIN from, to PER granularity]}; chained joins nest to the
     * left. {@code on} and {@code within} may be null.
     */
    record Join(Source left, JoinType type, StreamSource right, Expr on, AggregationWithin within,
            SourcePosition pos) implements Source {
    }

    /** PATTERN(...) or SEQUENCE(...) with an optional WITHIN. */
    record PatternSource(boolean sequence, Pattern pattern, Pattern.Within within, SourcePosition pos)
            implements Source {
    }

    /**
     * {@code PATTERN (...) [WITHIN d] AS p [WINDOW(...)] [UNIDIRECTIONAL]} as the first input of a join: each match
     * is an event of input {@code p}; window may be null.
     */
    record PatternSide(PatternSource pattern, Identifier alias, WindowCall window, boolean unidirectional,
            SourcePosition pos)
            implements Source {
    }

    /**
     * {@code Agg [AS a] WITHIN from [, to] PER granularity}: an aggregation read on demand (SQL.md 6); alias may
     * be null.
     */
    record AggregationSource(Identifier aggregation, Identifier alias, AggregationWithin within, SourcePosition pos)
            implements Source {
    }

    enum JoinType { INNER, LEFT_OUTER, RIGHT_OUTER, FULL_OUTER }

    /** {@code WINDOW('type', args...)}. */
    record WindowCall(String type, List<Expr> arguments, SourcePosition pos) implements Node {
        public WindowCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** The bounds of an aggregation join: {@code WITHIN from [, to] PER granularity}; to may be null. */
    record AggregationWithin(Expr from, Expr to, Expr per, SourcePosition pos) implements Node {
    }
}
