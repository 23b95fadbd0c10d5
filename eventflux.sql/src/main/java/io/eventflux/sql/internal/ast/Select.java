package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;
import java.util.List;

/**
 * {@code SELECT [DISTINCT] ... FROM ... [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT] [OFFSET] [OUTPUT]}.
 * Optional parts are null (lists empty).
 */
public record Select(boolean distinct, List<SelectItem> items, Source from, Expr where, List<Expr> groupBy,
        Expr having, List<OrderItem> orderBy, Long limit, Long offset, OutputRate output, SourcePosition pos)
        implements Node {
    public Select {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** One entry of the select list. */
    public sealed interface SelectItem extends Node {
    }

    /** {@code *} (qualifier null) or {@code a.*}. */
    public record Star(Identifier qualifier, SourcePosition pos) implements SelectItem {
    }

    /** {@code expr [AS alias]}; alias may be null. */
    public record Column(Expr expression, Identifier alias, SourcePosition pos) implements SelectItem {
    }

    /** {@code expr [ASC | DESC]}. */
    public record OrderItem(Expr expression, boolean descending, SourcePosition pos) implements Node {
    }

    /** {@code OUTPUT mode EVERY n EVENTS | d}: one of events / millis is positive. */
    public record OutputRate(Mode mode, long events, long millis, SourcePosition pos) implements Node {
        public enum Mode { ALL, FIRST, LAST, SNAPSHOT }
    }
}
