package io.eventflux.store.cache.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.extension.support.store.IndexedRows;
import org.osgi.service.component.annotations.Component;

/** {@code WITH ('extension' = 'cache', 'cache.size' = 'n')}: a bounded in-memory table that evicts LRU rows. */
@Component(service = TableStoreFactory.class)
@ServiceProvider(value = TableStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.TABLE_STORE, name = "cache",
        description = "A bounded in-memory table: inserting into a full table evicts the least recently used row "
                + "(inserted, updated or found). Equality on the primary key or an indexed column is a hash lookup.",
        parameters = "cache.size: INT = " + CacheTableStoreFactory.DEFAULT_SIZE + ", the maximum number of rows")
public final class CacheTableStoreFactory implements TableStoreFactory {
    static final int DEFAULT_SIZE = 1000;

    @Override
    public TableStore create(TableSpec spec) {
        IndexedRows.requireColumns(spec);
        return new CacheTableStore(spec, size(spec));
    }

    private static int size(TableSpec spec) {
        String value = null;
        for (var e : spec.options().entrySet()) {
            if (e.getKey().equalsIgnoreCase("cache.size")) {
                value = e.getValue();
            }
        }
        if (value == null) {
            return DEFAULT_SIZE;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("table '" + spec.schema().name() + "': option 'cache.size' must be a "
                + "positive number of rows, was '" + value + "'");
    }
}
