package io.eventflux.store.inmemory.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import org.osgi.service.component.annotations.Component;

/** The default table store ({@code inMemory}): rows in memory, primary-key and secondary hash indexes. */
@Component(service = TableStoreFactory.class)
@ServiceProvider(value = TableStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.TABLE_STORE, name = "inMemory", aliases = {"memory"},
        description = "Rows in memory; equality on the primary key or an indexed column is a hash lookup. "
                + "Part of app snapshots.",
        parameters = {})
public final class InMemoryTableStoreFactory implements TableStoreFactory {
    @Override
    public TableStore create(TableSpec spec) {
        for (String c : spec.primaryKey()) {
            requireColumn(spec, c, "primary key");
        }
        for (String c : spec.indexes()) {
            requireColumn(spec, c, "index");
        }
        return new InMemoryTableStore(spec);
    }

    private static void requireColumn(TableSpec spec, String column, String what) {
        if (spec.schema().indexOf(column) < 0) {
            throw new IllegalArgumentException("table '" + spec.schema().name() + "': " + what + " column '" + column
                    + "' is not a column of " + spec.schema().names());
        }
    }
}
