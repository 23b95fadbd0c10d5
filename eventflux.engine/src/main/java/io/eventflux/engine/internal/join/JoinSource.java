package io.eventflux.engine.internal.join;

/**
 * What one input of a join holds, for matching: a stream side's window contents or a table's rows.
 * Rows are the input's own attribute arrays (not to be modified).
 */
public interface JoinSource {
    /** Every row, oldest first. */
    Iterable<Object[]> all();

    /** Whether {@link #lookup(Object)} serves this input's join key. */
    boolean indexed();

    /**
     * The rows whose join key equals {@code key} ({@link Keys#normalize(Object)}d); NULL matches nothing.
     *
     * @throws IllegalStateException if the input has no index
     */
    Iterable<Object[]> lookup(Object key);

    /**
     * The rows matching a store condition (tables serve it from their key, an index or SQL).
     *
     * @throws UnsupportedOperationException if this input is not a table
     */
    default Iterable<Object[]> find(io.eventflux.api.store.Condition condition) {
        throw new UnsupportedOperationException("not a table");
    }
}
