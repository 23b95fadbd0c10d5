package io.eventflux.api.store;

import io.eventflux.api.extension.Stateful;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The rows of one table. Called on the writer thread of the app that owns the table. Rows are data
 * arrays in schema order.
 */
@ConsumerType
public interface TableStore extends Stateful {
    /**
     * Adds a row.
     *
     * @throws DuplicateKeyException when the primary key exists
     */
    void insert(Object[] row);

    /** Rows whose primary key equals {@code key} (values in primary-key order). */
    List<Object[]> findByKey(Object[] key);

    /** Rows matching a predicate (a scan where no index helps). */
    List<Object[]> find(Predicate<Object[]> condition);

    /** Replaces matching rows by {@code update(row)}; returns how many. */
    int update(Predicate<Object[]> condition, UnaryOperator<Object[]> update);

    /** Removes matching rows; returns how many. */
    int delete(Predicate<Object[]> condition);

    /** Every row. */
    List<Object[]> all();

    /** Releases connections. */
    default void close() {
    }
}
