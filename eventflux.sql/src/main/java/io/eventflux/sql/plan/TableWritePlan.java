package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;
import java.util.List;

/**
 * A stream-driven change of a table (SQL.md 2, 3.6): each event of the input stream updates, deletes or
 * upserts the rows the condition selects. Expressions read the event as input 0 and a table row as input 1.
 *
 * <ul>
 * <li>{@code UPDATE T SET c = v, ... FROM U WHERE cond}: {@code assignments}, {@code condition}</li>
 * <li>{@code DELETE FROM T USING D WHERE cond}: {@code condition}</li>
 * <li>{@code UPSERT INTO T SELECT ... FROM U [WHERE f] ON cond}: {@code row} (one expression per table
 * column, over input 0), {@code condition}; rows matching are replaced by the new row, else it is inserted</li>
 * </ul>
 *
 * @param name a name for logs and snapshots
 * @param kind which change
 * @param table the table's schema
 * @param input the driving stream (its filter applies before the change; no window)
 * @param condition which rows (over inputs 0 and 1), or null for every row
 * @param assignments UPDATE only
 * @param row UPSERT only
 * @param position where the statement starts
 */
public record TableWritePlan(String name, Kind kind, StreamSchema table, StreamInput input, TypedExpr condition,
        List<Assignment> assignments, List<TypedExpr> row, SourcePosition position) {
    public TableWritePlan {
        assignments = List.copyOf(assignments);
        row = List.copyOf(row);
    }

    public enum Kind { UPDATE, DELETE, UPSERT }

    /** {@code SET column = value}: the value is of the column's type. */
    public record Assignment(int column, TypedExpr value) {
    }
}
