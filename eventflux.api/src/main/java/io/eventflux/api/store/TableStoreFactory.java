package io.eventflux.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates table stores ({@code @Extension(type = "table-store", name = "jdbc")}). A table without
 * {@code 'extension'} in its WITH options uses the store named {@code inMemory}.
 */
@ConsumerType
public interface TableStoreFactory {
    /** @throws IllegalArgumentException naming the bad option */
    TableStore create(TableSpec spec);
}
