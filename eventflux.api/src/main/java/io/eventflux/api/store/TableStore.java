package io.eventflux.api.store;

import io.eventflux.api.extension.Stateful;
import java.util.List;
import java.util.function.UnaryOperator;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The rows of one table. Called on the writer thread of the app that owns the table. Rows are data
 * arrays in schema order; a store keeps its own copies (the engine may not modify a row after handing it
 * over, and must not modify the rows it gets back).
 *
 * <p>Conditions arrive as a {@link Condition} model with bound values: a store serves an equality on the
 * whole primary key or on an indexed column ({@link TableSpec#indexes()}) without scanning, and a JDBC
 * store translates it into SQL with bind parameters.
 *
 * <p>Snapshots ({@link Stateful}): an in-memory store returns its rows; a store that persists on its own
 * (JDBC) may return null and ignore restores.
 *
 * @since 2.0
 */
@ConsumerType
public interface TableStore extends Stateful {
    /**
     * Adds a row.
     *
     * @throws DuplicateKeyException when the primary key exists (the message names the table and the key)
     */
    void insert(Object[] row);

    /** The rows matching a condition ({@link Condition#TRUE}: every row), in insertion order where kept. */
    List<Object[]> find(Condition condition);

    /**
     * Replaces each matching row by {@code update.apply(row)} (a new array; null leaves the row as it is).
     *
     * @return how many rows were replaced
     * @throws DuplicateKeyException if an update would give two rows the same primary key
     */
    int update(Condition condition, UnaryOperator<Object[]> update);

    /** Removes matching rows; returns how many. */
    int delete(Condition condition);

    /** The number of rows. */
    default long size() {
        return find(Condition.TRUE).size();
    }

    /** Releases connections. */
    default void close() {
    }
}
