package io.eventflux.store.inmemory.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.extension.support.store.IndexedRows;
import org.osgi.service.component.annotations.Component;

/**
 * The default table store ({@code inMemory}): rows in memory in insertion order, primary-key and secondary
 * hash indexes ({@link IndexedRows}). A condition is served from the primary key when it fixes every key
 * column with an equality, else from an index when it fixes an indexed column, else by a scan.
 */
@Component(service = TableStoreFactory.class)
@ServiceProvider(value = TableStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.TABLE_STORE, name = "inMemory", aliases = {"memory"},
        description = "Rows in memory; equality on the primary key or an indexed column is a hash lookup. "
                + "Part of app snapshots.",
        parameters = {})
public final class InMemoryTableStoreFactory implements TableStoreFactory {
    @Override
    public TableStore create(TableSpec spec) {
        IndexedRows.requireColumns(spec);
        return new IndexedRows(spec, IndexedRows.Listener.NONE);
    }
}
