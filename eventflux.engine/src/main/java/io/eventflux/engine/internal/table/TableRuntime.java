package io.eventflux.engine.internal.table;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableStore;
import io.eventflux.engine.internal.join.JoinSource;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table of an app over its {@link TableStore}: inserts (a duplicate primary key fails that row, is
 * logged and counted), reads for joins and on-demand queries, and snapshots. Writer thread only, except
 * {@link #errorCount()}.
 */
public final class TableRuntime implements Stateful {
    private static final System.Logger LOG = System.getLogger(TableRuntime.class.getName());

    private final String app;
    private final StreamSchema schema;
    private final TableStore store;
    private final AtomicLong errors = new AtomicLong();

    public TableRuntime(String app, StreamSchema schema, TableStore store) {
        this.app = app;
        this.schema = schema;
        this.store = store;
    }

    public String name() {
        return schema.name();
    }

    public StreamSchema schema() {
        return schema;
    }

    public TableStore store() {
        return store;
    }

    /** Inserts a row; a duplicate key is reported and counted, and the row is dropped. */
    public void insert(Object[] row) {
        try {
            store.insert(row);
        } catch (DuplicateKeyException e) {
            failed(e);
        }
    }

    /**
     * A row that failed (duplicate key): logged and counted. Error strategies (routing to an error stream)
     * come with issue 6.
     */
    public void failed(DuplicateKeyException e) {
        errors.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "app '" + app + "': " + e.getMessage() + "; the row is dropped");
    }

    /** Rows that failed so far (duplicate keys). */
    public long errorCount() {
        return errors.get();
    }

    /** The table as a join input; with {@code keyColumn >= 0}, equality lookups on that column. */
    public JoinSource joinSource(int keyColumn) {
        String column = keyColumn < 0 ? null : schema.attribute(keyColumn).name();
        return new JoinSource() {
            @Override
            public Iterable<Object[]> all() {
                return store.find(Condition.TRUE);
            }

            @Override
            public boolean indexed() {
                return column != null;
            }

            @Override
            public Iterable<Object[]> lookup(Object key) {
                return key == null ? List.of() : store.find(Condition.eq(column, key));
            }

            @Override
            public Iterable<Object[]> find(Condition condition) {
                return store.find(condition);
            }
        };
    }

    @Override
    public Serializable snapshot() {
        return store.snapshot();
    }

    @Override
    public void restore(Serializable state) {
        store.restore(state);
    }

    public void close() {
        store.close();
    }
}
